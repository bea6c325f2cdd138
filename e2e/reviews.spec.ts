import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { addApp, signUp } from "./support/session";
import { screenshot } from "./support/screenshot";

// Against the Apple simulator's demo scenario: its generated team key is written as AuthKey_<KEY_ID>.p8.
const keyFile = () => process.env.E2E_ASC_KEY_FILE!;
const simUrl = () => process.env.E2E_APPLE_SIM_URL!;

async function syncAndWait(page: Page) {
  await page.getByRole("button", { name: "Sync reviews" }).click();
  await expect(page.getByText(/Reviews synced:/).last()).toBeVisible({ timeout: 60_000 });
}

test("connect App Store Connect, sync, search, deep link, reply → pending → published, edit, delete", async ({ page }) => {
  test.setTimeout(180_000);
  const { projectId } = await signUp(page, { teamName: "Review Team" });
  await addApp(page, { name: "Breeze Weather", bundleId: "com.example.weather" });

  // Set up: the file name fills the key id; the key is never shown back.
  await page.goto(`/dashboard/projects/${projectId}/integrations`);
  // The App Store Connect card comes first; the Google Play one below says the same until it is connected.
  await expect(page.getByText("Not connected").first()).toBeVisible();
  // The example Issuer ID is plainly a pattern, not a value to copy.
  await expect(page.getByLabel("Issuer ID")).toHaveAttribute("placeholder", "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
  // Saving an empty form names every missing part, the .p8 too.
  await page.getByRole("button", { name: "Save key" }).click();
  await expect(page.getByText("The Key ID is 10 letters and digits")).toBeVisible();
  await expect(page.getByText("Drop or paste the AuthKey_<KEY_ID>.p8 file.")).toBeVisible();
  await page.getByLabel("Issuer ID").fill(process.env.E2E_ASC_ISSUER_ID!);
  await page.getByLabel("Private key file").setInputFiles(keyFile());
  await expect(page.getByLabel("Key ID")).toHaveValue(process.env.E2E_ASC_KEY_ID!);
  await page.getByRole("button", { name: "Save key" }).click();
  await expect(page.getByTestId("integration-key")).toContainText(`Key ${process.env.E2E_ASC_KEY_ID}`);
  // No line of the key's body is anywhere in the page (the form clears it after saving).
  const keyBody = readFileSync(keyFile(), "utf8").split("\n").filter((l) => l && !l.startsWith("-----"));
  await page.reload();
  const html = await page.content();
  for (const line of keyBody) expect(html).not.toContain(line);

  await page.getByRole("button", { name: "Test connection" }).click();
  const test_ = page.getByTestId("connection-test");
  await expect(test_).toContainText("Connected");
  await expect(test_.getByRole("listitem").filter({ hasText: "Breeze Weather" })).toContainText("Covered");
  await screenshot(page, "reviews-integration", { fullPage: true });

  await syncAndWait(page);
  await expect(page.getByTestId("sync-status")).toContainText("succeeded");

  // Search in the URL.
  await page.goto("/dashboard/reviews");
  await expect(page.getByTestId("review-card").first()).toBeVisible();
  await page.getByLabel("Search reviews").fill('"dark mode"');
  await expect(page).toHaveURL(/q=%22dark\+mode%22|q=%22dark%20mode%22/);
  await expect(page.getByTestId("review-count")).toContainText("match");
  // Typing is not interrupted when the results arrive.
  await expect(page.getByLabel("Search reviews")).toBeFocused();
  const first = page.getByTestId("review-card").first();
  await expect(first).toContainText(/dark mode/i);

  // Two quick changes: the second builds on the first, not on the filters the server last answered for. The answer
  // to the first is held back a moment, as on a slow connection, so the second is surely made before it arrives.
  const slowFirstAnswer = /rating=5/;
  await page.route(slowFirstAnswer, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.getByLabel("Rating", { exact: true }).selectOption("5");
  await page.getByLabel("Country", { exact: true }).selectOption("us");
  await expect(page).toHaveURL(/rating=5/);
  await expect(page).toHaveURL(/country=us/);
  await expect(page).toHaveURL(/q=%22dark/);
  await expect(page.getByLabel("Rating", { exact: true })).toHaveValue("5");
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("us");
  await page.unroute(slowFirstAnswer);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/dashboard\/reviews$/);
  await page.getByLabel("Search reviews").fill('"dark mode"');
  await expect(page.getByTestId("review-card").first()).toContainText(/dark mode/i);

  // Deep link: a fresh page load with ?review=<id> opens that review.
  await first.click();
  await expect(page).toHaveURL(/review=[0-9a-f-]{36}/);
  const deepLink = page.url().replace(/q=[^&]*&?/, "");
  await page.goto(deepLink);
  const dialog = page.getByTestId("review-dialog");
  await expect(dialog).toBeVisible();
  await screenshot(page, "reviews-dialog");

  // Reply: Pending publish, then Published once Apple publishes it and a sync runs.
  if (await dialog.getByRole("button", { name: "Delete" }).count()) {
    await dialog.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("alertdialog").getByRole("textbox").fill("delete");
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete reply" }).click();
    await expect(dialog.getByText("No reply yet.")).toBeVisible();
  }
  await dialog.getByLabel("Reply text").fill("Thanks! Dark mode gets even better in 4.3.");
  await expect(dialog.getByTestId("reply-count")).toContainText("42 / 5,970");

  // Apple refuses once: its code and detail, and what to do about it, said once; the draft stays.
  await fetch(`${simUrl()}/__sim/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ endpoint: "asc.response.create", kind: "agreement", count: 1 }) });
  await dialog.getByRole("button", { name: "Publish reply" }).click();
  const refusal = dialog.getByRole("alert").filter({ hasText: "The App Store did not accept the reply" });
  await expect(refusal).toContainText("FORBIDDEN.REQUIRED_AGREEMENTS");
  await expect(refusal.getByText(/must accept the latest agreements/)).toHaveCount(1);
  expect((await refusal.textContent())!.match(/must accept the latest agreements/g)).toHaveLength(1);
  await screenshot(page, "reviews-reply-refused");
  await expect(dialog.getByLabel("Reply text")).toHaveValue("Thanks! Dark mode gets even better in 4.3.");
  await dialog.getByRole("button", { name: "Publish reply" }).click();
  await expect(dialog.getByText("Pending publish")).toBeVisible();
  await expect(dialog.getByTestId("reply-body")).toHaveText("Thanks! Dark mode gets even better in 4.3.");
  await expect(dialog).toContainText("By Ada Lovelace");

  await fetch(`${simUrl()}/__sim/responses/publish`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  await page.keyboard.press("Escape");
  await syncAndWait(page);
  await page.goto(deepLink);
  await expect(dialog.getByText("Published", { exact: true })).toBeVisible();

  // Edit replaces the reply on Apple.
  await dialog.getByRole("button", { name: "Edit" }).click();
  await dialog.getByLabel("Edit reply text").fill("Thanks! Dark mode is now automatic at sunset.");
  await dialog.getByRole("button", { name: "Update reply" }).click();
  await expect(dialog.getByTestId("reply-body")).toHaveText("Thanks! Dark mode is now automatic at sunset.");
  await expect(dialog.getByText("Pending publish")).toBeVisible();

  // Delete only after typing "delete".
  await dialog.getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm.getByRole("button", { name: "Delete reply" })).toBeDisabled();
  await confirm.getByRole("textbox").fill("delete");
  await confirm.getByRole("button", { name: "Delete reply" }).click();
  await expect(dialog.getByText("No reply yet.")).toBeVisible();
  await screenshot(page, "reviews-deleted");
});

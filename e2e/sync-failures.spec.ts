// When Apple cannot be reached, or does not know an app, the card and the ratings panel say so within seconds.
import { expect, test, type Page } from "@playwright/test";
import { addApp, signUp } from "./support/session";
import { screenshot } from "./support/screenshot";

const sim = (path: string, init?: RequestInit) => fetch(`${process.env.E2E_APPLE_SIM_URL}/__sim${path}`, init);

test.afterEach(async () => {
  await sim("/faults", { method: "DELETE" });
});

async function shoot(page: Page, name: string) {
  await screenshot(page, `${name}-1280`, { fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, `${name}-390`, { fullPage: true });
  await page.setViewportSize({ width: 1280, height: 860 });
}

test("with iTunes unreachable, the new app's card and the ratings sync say what happened, and Retry now recovers", async ({ page }) => {
  await signUp(page, { teamName: "Offline Labs" });
  // Every iTunes call now loses its connection without an answer, as when Apple cannot be reached.
  expect((await sim("/faults", { method: "POST", body: JSON.stringify({ endpoint: "itunes.lookup", kind: "unreachable" }) })).status).toBe(201);
  await addApp(page, { name: "Breeze Weather", bundleId: "com.example.weather" });

  const card = page.getByTestId("app-card").filter({ hasText: "Breeze Weather" });
  const lookup = card.getByTestId("app-store-lookup");
  await expect(lookup).toHaveAttribute("data-state", "unreachable", { timeout: 20_000 });
  await expect(lookup).toContainText("Could not reach Apple");
  await expect(lookup).toContainText("iTunes Lookup unreachable");

  const started = Date.now();
  await page.getByTestId("sync-ratings").click();
  const panel = page.getByTestId("ratings-sync-panel");
  await expect(panel.getByTestId("sync-last-run")).toContainText("Last sync failed", { timeout: 30_000 });
  expect(Date.now() - started).toBeLessThan(30_000);
  await expect(panel).toContainText(/iTunes Lookup unreachable: .+1 app has no App Store id yet: Breeze Weather — Apple could not be reached/);
  await expect(panel).not.toContainText("succeeded");
  await shoot(page, "sync-failures-unreachable");

  // Apple is back: "Retry now" (by keyboard) finds the app, and the card says ratings come with the next sync.
  await sim("/faults", { method: "DELETE" });
  const retry = lookup.getByRole("button", { name: "Retry now" });
  await retry.focus();
  await page.keyboard.press("Enter");
  await expect(card.getByTestId("no-ratings-yet")).toContainText("Ratings appear after the first sync", { timeout: 20_000 });
});

test("an app the App Store does not know by its bundle id: the card says so and opens the App Store id field", async ({ page }) => {
  await signUp(page, { teamName: "Typo Labs" });
  await addApp(page, { name: "Pennywise", bundleId: "com.example.pennywise" });
  const card = page.getByTestId("app-card").filter({ hasText: "Pennywise" });
  const lookup = card.getByTestId("app-store-lookup");
  await expect(lookup).toHaveAttribute("data-state", "not_found", { timeout: 30_000 });
  await expect(lookup).toContainText("Not found on the App Store by this bundle id");
  await expect(lookup).toContainText("enter its App Store id");
  await shoot(page, "sync-failures-not-found");

  const enter = lookup.getByRole("button", { name: "Enter App Store id" });
  await enter.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  const field = dialog.getByLabel("App Store id (optional)");
  await expect(field).toBeFocused();
  await page.keyboard.type("id148");
  await page.keyboard.press("Enter");
  await expect(dialog).toContainText("digits only");
  await field.fill("1480000003");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(card.getByTestId("no-ratings-yet")).toContainText("Ratings appear after the first sync");

  await page.getByTestId("sync-ratings").click();
  await expect(page.getByTestId("sync-last-run")).toContainText("Last sync succeeded", { timeout: 45_000 });
  await expect(card.getByTestId("rating-badge")).toBeVisible();
});

test("a reviews run Apple fails for one app says which app and what Apple answered", async ({ page }) => {
  test.setTimeout(120_000);
  const { projectId } = await signUp(page, { teamName: "Partial Labs" });
  await addApp(page, { name: "Breeze Weather", bundleId: "com.example.weather" });
  await addApp(page, { name: "Quill Notes", bundleId: "com.example.notes" });
  await page.goto(`/dashboard/projects/${projectId}/integrations`);
  await page.getByLabel("Issuer ID").fill(process.env.E2E_ASC_ISSUER_ID!);
  await page.getByLabel("Private key file").setInputFiles(process.env.E2E_ASC_KEY_FILE!);
  await page.getByRole("button", { name: "Save key" }).click();
  await expect(page.getByTestId("integration-key")).toContainText(`Key ${process.env.E2E_ASC_KEY_ID}`);

  // Breeze Weather's second page fails, retries included; Quill Notes reads fine.
  for (const nth of [2, 3, 4, 5]) {
    await sim("/faults", { method: "POST", body: JSON.stringify({ endpoint: "asc.reviews", kind: 500, app: "1480000001", nth }) });
  }
  await page.getByRole("button", { name: "Sync reviews" }).click();
  const status = page.getByTestId("sync-status");
  await expect(status).toContainText("partial", { timeout: 60_000 });
  const failures = status.getByTestId("sync-app-failures");
  await expect(failures).toContainText("Breeze Weather");
  await expect(failures).toContainText("paging its reviews");
  await expect(failures).toContainText("500 UNEXPECTED_ERROR");
  await expect(failures).toContainText("An unexpected error occurred on the server side");
  await expect(failures).not.toContainText("Quill Notes");
  await shoot(page, "sync-failures-reviews-partial");
});

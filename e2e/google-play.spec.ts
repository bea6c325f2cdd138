import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalOverflow, expectNoSeriousAxeViolations, WIDTHS } from "./support/a11y";
import { screenshot } from "./support/screenshot";
import { addApp, signUp } from "./support/session";

const sim = (path: string, init?: RequestInit) => fetch(`${process.env.E2E_GOOGLE_SIM_URL}/__sim${path}`, { ...init, headers: { "content-type": "application/json" } });
const account = () => encodeURIComponent(process.env.E2E_PLAY_CLIENT_EMAIL!);

async function atBothWidths(page: Page, name: string) {
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await expectNoSeriousAxeViolations(page, label);
    await expectNoHorizontalOverflow(page);
    await screenshot(page, `${name}-${label}`, { fullPage: true });
  }
  await page.setViewportSize(WIDTHS.desktop);
}

test("connect Google Play with a service-account key, test it (Google's refusal with a hint), sync Play reviews, the Android card's ★ and countries, reply from the dialog", async ({ page }) => {
  test.setTimeout(240_000);
  await sim("/reset", { method: "POST" });
  const { projectId } = await signUp(page, { teamName: "Breeze Android" });
  await addApp(page, { name: "Breeze for Android", bundleId: "com.example.weather.android", platform: "android" });
  await page.goto(`/dashboard/projects/${projectId}/integrations`);
  const play = page.getByTestId("google-play-section");
  await expect(play.getByText("Not connected")).toBeVisible();

  // Without a key: the field says what to upload, nothing is stored.
  await play.getByRole("button", { name: "Connect Google Play" }).click();
  await expect(play.getByText("Upload the service account's JSON key file.")).toBeVisible();
  // A .p8 pasted by mistake: the key field says what it is instead.
  await play.getByLabel("Service-account key (.json)").fill("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----");
  await play.getByRole("button", { name: "Connect Google Play" }).click();
  await expect(play.getByText(/PEM key/)).toBeVisible();

  const keyFile = process.env.E2E_PLAY_KEY_FILE!;
  await play.getByLabel("Service-account key file").setInputFiles(keyFile);
  await expect(play.getByText("demo-play-project-service-account.json")).toBeVisible();
  await play.getByLabel("Reports bucket").fill("gs://pubsite_prod_rev_01234567890987654321");
  await play.getByRole("button", { name: "Connect Google Play" }).click();
  await expect(play.getByTestId("play-connection-account")).toContainText(process.env.E2E_PLAY_CLIENT_EMAIL!);
  await expect(play.getByTestId("play-connection-account")).toContainText("pubsite_prod_rev_01234567890987654321");
  // The key itself is nowhere on the page.
  const secret = (JSON.parse(await readFile(keyFile, "utf8")) as { private_key: string }).private_key.split("\n")[1];
  expect(secret.length).toBeGreaterThan(40);
  expect(await page.content()).not.toContain(secret);

  // Connecting imported the reports and ran a first sync.
  await expect(async () => {
    await page.reload();
    await expect(play.getByTestId("play-run-google_play_reviews_sync")).toContainText("succeeded", { timeout: 1000 });
    await expect(play.getByTestId("play-run-google_play_reviews_backfill")).toContainText("succeeded", { timeout: 1000 });
    await expect(play.getByTestId("play-run-google_play_ratings_sync")).toContainText("succeeded", { timeout: 1000 });
  }).toPass({ timeout: 60_000 });

  await play.getByRole("button", { name: "Test connection" }).click();
  const result = play.getByTestId("play-connection-test");
  await expect(result).toContainText("Connected");
  await expect(result).toContainText("Reviews readable");
  await expect(result).toContainText("Reports readable");
  await atBothWidths(page, "google-play-connected");

  // The service account loses access to the app and the bucket in Play Console: each step says what Google answered.
  expect((await sim(`/accounts/${account()}`, { method: "PATCH", body: JSON.stringify({ packages: [], bucketAccess: false }) })).ok).toBe(true);
  await play.getByRole("button", { name: "Test connection" }).click();
  await expect(result).toContainText("403 PERMISSION_DENIED");
  await expect(result).toContainText("Users and permissions");
  await expect(result).toContainText("403 forbidden");
  await expect(result).not.toContainText("Connected (");
  await atBothWidths(page, "google-play-refused");

  // Turned off and on again from the Manage card, by keyboard: off, nothing syncs.
  const syncSwitch = play.getByRole("switch", { name: "Sync Google Play" });
  await syncSwitch.focus();
  await page.keyboard.press("Space");
  await expect(play.getByText("Disabled", { exact: true })).toBeVisible();
  await expect(play.getByText("Disabled: no syncs and no replies to Play reviews until enabled again.")).toBeVisible();
  await play.getByRole("button", { name: "Sync Play reviews" }).click();
  await expect(page.getByText("Enable the Google Play connection to sync reviews.").first()).toBeVisible();
  await syncSwitch.focus();
  await page.keyboard.press("Space");
  await expect(play.getByText("Active", { exact: true })).toBeVisible();

  await sim("/reset", { method: "POST" });
  const added = await sim("/reviews", { method: "POST", body: JSON.stringify({ packageName: "com.example.weather.android", review: { id: "gp:e2e-new-review", author: "Noor", rating: 4, text: "Love the new radar.", modified: "-1h" } }) });
  expect(added.status).toBe(201);
  await play.getByRole("button", { name: "Sync Play reviews" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText(/Google Play review sync (started|is already running)/).first()).toBeVisible();
  await expect(async () => {
    await page.reload();
    const run = play.getByTestId("play-run-google_play_reviews_sync");
    await expect(run).toContainText("succeeded", { timeout: 1000 });
    // Only the review added since the first sync is new.
    await expect(run.locator("div", { has: page.locator("dt", { hasText: /^New$/ }) }).locator("dd")).toHaveText("1", { timeout: 1000 });
  }).toPass({ timeout: 60_000 });

  // The Android app's card: Play Console's average as its ★ badge, no count (Play publishes none), and its countries.
  await page.goto(`/dashboard/projects/${projectId}`);
  const androidCard = page.getByTestId("app-card").filter({ hasText: "Breeze for Android" });
  await expect(androidCard.getByTestId("rating-badge")).toHaveText(/^★\s*[1-5]\.\d\d$/);
  await expect(androidCard.getByTestId("rating-badge")).toHaveAttribute("aria-label", /Play Console average; Google Play does not publish rating counts/);
  await expect(androidCard.getByTestId("play-no-counts")).toHaveText("Google Play does not publish rating counts");
  await expect(androidCard).not.toContainText("not supported");
  await expect(androidCard).not.toContainText("(0)");
  await expect(page.getByRole("link", { name: "Integrations" })).toHaveAttribute("href", `/dashboard/projects/${projectId}/integrations`);
  await atBothWidths(page, "google-play-android-card");
  await androidCard.getByRole("button", { name: "Ratings by country" }).focus();
  await page.keyboard.press("Enter");
  const ratings = page.getByRole("dialog");
  const grid = ratings.getByTestId("country-grid");
  // The seven countries of the Play Console ratings report, with averages and no count column.
  await expect(grid.locator("tbody tr")).toHaveCount(7);
  await expect(grid).toContainText("United States");
  await expect(grid).toContainText("India");
  await expect(grid.getByRole("columnheader")).toHaveText(["Country", "Average", "That day"]);
  await expect(ratings.getByTestId("play-country-note")).toContainText("Google Play does not publish rating counts");
  await expect(ratings.getByRole("img", { name: /days of Play Console averages/ })).toBeVisible();
  await atBothWidths(page, "google-play-countries");
  await grid.getByRole("button", { name: "Show the history for Germany" }).click();
  await expect(ratings.getByTestId("rating-history")).toContainText("Germany");
  await expect(ratings.getByRole("img", { name: /days of Play Console averages/ })).toBeVisible();
  await expect(page).toHaveURL(/country=de/);
  await page.keyboard.press("Escape");
  await expect(ratings).toBeHidden();
  await expect(androidCard.getByRole("button", { name: "Ratings by country" })).toBeFocused();

  // Play reviews in the reviews list (badge, store filter) and a reply from the dialog, counted against Play's 350.
  await page.goto("/dashboard/reviews?store=google_play");
  const card = page.getByTestId("review-card").filter({ hasText: "Seit dem Update" });
  await expect(card.getByTestId("store-badge")).toHaveText("Google Play");
  await expect(page.getByLabel("Store", { exact: true })).toHaveValue("google_play");
  // A project of Android apps only: the side panel says where their countries are instead of "no ratings yet".
  await expect(page.getByTestId("no-apple-apps")).toContainText("an Android app's countries are on its card");
  await atBothWidths(page, "google-play-reviews");
  await card.click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Reply text").fill("x".repeat(351));
  await expect(dialog.getByTestId("reply-count")).toHaveText("351 / 350");
  await expect(dialog.getByRole("button", { name: "Publish reply" })).toBeDisabled();
  await dialog.getByLabel("Reply text").fill("Danke! Version 4.3.1 behebt den Absturz beim Start.");
  await expect(dialog).toContainText("Replies are public on Google Play.");
  await dialog.getByRole("button", { name: "Publish reply" }).click();
  await expect(dialog.getByTestId("reply-body")).toHaveText("Danke! Version 4.3.1 behebt den Absturz beim Start.");
  await expect(dialog.getByTestId("play-no-delete")).toContainText("Google Play has no delete");
  await expect(dialog.getByRole("button", { name: "Delete" })).toHaveCount(0);
  const counters = (await (await sim("/counters")).json()) as { byEndpoint: Record<string, number> };
  expect(counters.byEndpoint["play.reply"]).toBe(1);
  await atBothWidths(page, "google-play-reply-dialog");
});

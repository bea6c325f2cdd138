import { expect, test } from "@playwright/test";
import { addApp, signUp } from "./support/session";
import { screenshot } from "./support/screenshot";

test("sync ratings, see the ★ badge, open the country grid and the history chart", async ({ page }) => {
  await signUp(page, { teamName: "Breeze Labs" });
  await addApp(page, { name: "Breeze Weather", bundleId: "com.example.weather" });
  await addApp(page, { name: "Quill for Android", bundleId: "com.example.quill", platform: "android" });

  const weather = page.getByTestId("app-card").filter({ hasText: "Breeze Weather" });
  const android = page.getByTestId("app-card").filter({ hasText: "Quill for Android" });
  await expect(weather.getByTestId("no-ratings-yet")).toContainText("No ratings yet");
  // An Android app's ratings come from the Play Console reports, not from this sync: its card says where.
  await expect(android.getByTestId("no-ratings-yet")).toContainText("No Google Play ratings yet");
  await expect(android.getByRole("link", { name: "Integrations" })).toBeVisible();

  await page.getByTestId("sync-ratings").click();
  const panel = page.getByTestId("ratings-sync-panel");
  await expect(panel.getByTestId("sync-last-run")).toContainText("Last sync succeeded", { timeout: 45_000 });
  await expect(panel).toContainText("175 of 175 storefronts");

  // Demo scenario: 120 ratings in every storefront, more in the big five, none in Kosovo, not sold in China/Russia.
  const badge = weather.getByTestId("rating-badge");
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAccessibleName(/out of 5 stars from [\d,]+ ratings worldwide/);
  await expect(badge).toContainText(/★\s*4\.\d\d/);
  await expect(weather).toContainText("First snapshot");
  await expect(weather).toContainText("Synced just now");
  await screenshot(page, "ratings-project", { fullPage: true });

  await weather.getByRole("button", { name: "Ratings by country" }).click();
  await expect(page).toHaveURL(/[?&]app=[0-9a-f-]{36}/);
  const dialog = page.getByRole("dialog");
  const grid = dialog.getByTestId("country-grid");
  await expect(grid.locator("tbody tr")).toHaveCount(12);
  await expect(grid.locator("tbody tr").first()).toContainText("United States");
  await expect(grid.locator("tbody tr").first()).toContainText("18,234");
  // After the five big markets, every country has 120 ratings: those come by name, as they read.
  const tail = (await grid.locator("tbody tr td:first-child").allTextContents()).slice(5).map((t) => t.replace(/^\W+/u, "").trim());
  expect(tail[0]).toBe("Afghanistan");
  expect(tail).toEqual([...tail].sort((a, b) => a.localeCompare(b, "en")));
  const showAll = dialog.getByRole("button", { name: /Show all \d+ countries/ });
  const total = Number((await showAll.textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThan(150);
  await showAll.click();
  await expect(grid.locator("tbody tr")).toHaveCount(total);
  await expect(dialog.getByTestId("rating-history")).toContainText("Worldwide");
  await expect(dialog.getByRole("img", { name: /1 daily snapshots/ })).toBeVisible();

  await grid.getByRole("button", { name: "Show the history for Germany" }).click();
  await expect(page).toHaveURL(/country=de/);
  await expect(dialog.getByTestId("rating-history")).toContainText("Germany");
  await screenshot(page, "ratings-country-dialog");

  // Deep link: reloading keeps the open app and country.
  await page.reload();
  await expect(page.getByRole("dialog").getByTestId("rating-history")).toContainText("Germany");
  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/app=/);

  const byCountry = page.getByTestId("project-country-panel");
  await expect(byCountry).toContainText("United States");
  await expect(byCountry.locator("tbody tr").first()).toContainText("18,234");
});

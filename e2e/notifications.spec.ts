// A sync that yields new reviews lights the bell; clicking the notification opens the review.
import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { addApp, connectAppStoreConnect, signUp } from "./support/session";

const WEATHER = { name: "Breeze Weather", bundleId: "com.example.weather", appStoreId: "1480000001" };

async function syncReviews(page: Page) {
  await page.getByRole("button", { name: "Sync reviews" }).first().click();
  await expect(page.getByText(/Reviews synced: \d+ new/).first()).toBeVisible({ timeout: 45_000 });
}

test("a sync that yields new reviews lights the bell; clicking the notification opens the review", async ({ page }) => {
  const { projectId } = await signUp(page, { teamName: "Bell team" });
  await addApp(page, WEATHER);
  await connectAppStoreConnect(page, projectId);

  // The first sync is the app's history, not news: the bell stays dark.
  await syncReviews(page);
  await page.reload();
  const bell = page.getByRole("button", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName("Notifications");

  const id = `e2e-bell-${randomBytes(4).toString("hex")}`;
  const added = await fetch(`${process.env.E2E_APPLE_SIM_URL}/__sim/reviews`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      ascAppId: WEATHER.appStoreId,
      review: { id, territory: "USA", rating: 1, title: "Radar stopped loading", body: "Since the update the rain radar is blank.", nickname: "stormchaser", createdDate: new Date().toISOString() },
    }),
  });
  expect(added.ok).toBe(true);

  await syncReviews(page);
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await expect(page.getByTestId("notification-unread-count")).toHaveText("1");

  await bell.click();
  const item = page.getByRole("list", { name: "Latest notifications" }).getByRole("button", { name: /1 new review for Breeze Weather/ });
  await expect(item).toContainText("Radar stopped loading");
  await item.click();

  await expect(page).toHaveURL(/\/dashboard\/reviews\?.*review=[0-9a-f-]{36}/);
  await expect(page.getByRole("dialog")).toContainText("Since the update the rain radar is blank.");
  // Opened means read: with the review closed, the bell is dark again.
  await page.keyboard.press("Escape");
  await expect(bell).toHaveAccessibleName("Notifications");
  await expect(page.getByTestId("notification-unread-count")).toHaveCount(0);
});

// The dashboard reads over GET (/api/v1) and changes through server actions. Next runs a page's server actions one
// at a time, so a read sent as one (the sync status poll, the bell's inbox) would hold up a reply behind it.
import { expect, test } from "@playwright/test";
import { addApp, connectAppStoreConnect, signUp } from "./support/session";

test("the sync poll, the bell, the review list and a review are GETs; only the change is a server action", async ({ page }) => {
  test.setTimeout(120_000);
  const { projectId } = await signUp(page, { teamName: "Reads team" });
  await addApp(page, { name: "Breeze Weather", bundleId: "com.example.weather" });
  await connectAppStoreConnect(page, projectId);

  const actions: string[] = [];
  const reads: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (request.headers()["next-action"]) actions.push(`${request.method()} ${url.pathname}`);
    else if (request.method() === "GET" && url.pathname.startsWith("/api/v1/")) reads.push(url.pathname);
  });

  // Starting the sync is the one change; following it until it ends is reading its status.
  await page.getByRole("button", { name: "Sync reviews" }).first().click();
  await expect(page.getByText(/Reviews synced: \d+ new/).first()).toBeVisible({ timeout: 60_000 });
  expect(actions).toHaveLength(1);
  expect(reads).toContain(`/api/v1/projects/${projectId}/integrations/app-store-connect`);

  // Reading only: the bell's inbox, the next page of reviews, one review.
  actions.length = 0;
  await page.goto("/dashboard/reviews");
  await page.getByRole("button", { name: /^Notifications/ }).click();
  await expect(page.getByRole("dialog", { name: "Notifications" })).toContainText("Nothing yet");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("review-card").first()).toBeVisible();
  await page.getByTestId("review-card").last().scrollIntoViewIfNeeded();
  await expect(page.getByTestId("review-card").nth(30)).toBeVisible();
  await page.getByTestId("review-card").first().click();
  await expect(page.getByTestId("review-dialog")).toBeVisible();

  expect(reads).toContain("/api/v1/notifications");
  expect(reads).toContain("/api/v1/reviews");
  expect(reads.some((p) => /^\/api\/v1\/reviews\/[0-9a-f-]{36}$/.test(p))).toBe(true);
  expect(actions).toEqual([]);
});

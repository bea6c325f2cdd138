import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalOverflow, expectNoSeriousAxeViolations, WIDTHS } from "./support/a11y";
import { screenshot } from "./support/screenshot";
import { addApp, connectAppStoreConnect, signUp } from "./support/session";

// Working through reviews: order and date range in the address, next/previous inside the open review, and the
// keyboard shortcuts — over the demo scenario's reviews, synced through App Store Connect (simulator).

const cards = (page: Page) => page.getByTestId("review-card");
const ratingOf = async (page: Page, i: number) => Number((await cards(page).nth(i).getByRole("img").first().getAttribute("aria-label"))?.split(" ")[0]);
const datesShown = (page: Page) => cards(page).locator("time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")!));

test("orders by rating, keeps to a range of days, and works through the list from the open review with the keyboard", async ({ page }) => {
  test.setTimeout(180_000);
  const { projectId } = await signUp(page, { teamName: "Queue Team" });
  await addApp(page, { name: "Breeze Weather", bundleId: "com.example.weather" });
  await connectAppStoreConnect(page, projectId);
  await page.getByRole("button", { name: "Sync reviews" }).first().click();
  await expect(page.getByText(/Reviews synced:/).last()).toBeVisible({ timeout: 60_000 });
  await page.goto("/dashboard/reviews");
  await expect(cards(page).first()).toBeVisible();
  const loaded = await cards(page).count();
  expect(loaded).toBeGreaterThan(4);
  const total = Number((await page.getByTestId("review-count").textContent())?.match(/[\d,]+/)?.[0].replace(/,/g, ""));

  // Lowest rating first, then highest: the order is in the address and the ratings do not go the wrong way.
  await page.getByLabel("Sort").selectOption({ label: "Lowest rating first" });
  await expect(page).toHaveURL(/sort=lowest/);
  await expect.poll(() => ratingOf(page, 0)).toBe(1);
  const lowest = await Promise.all(Array.from({ length: loaded }, (_, i) => ratingOf(page, i)));
  expect(lowest).toEqual([...lowest].sort((a, b) => a - b));
  await page.getByLabel("Sort").selectOption({ label: "Highest rating first" });
  await expect(page).toHaveURL(/sort=highest/);
  await expect.poll(() => ratingOf(page, 0)).toBe(5);
  await page.reload();
  await expect(page.getByLabel("Sort")).toHaveValue("highest");

  // A range of days: exactly the reviews written on those (UTC) days, counted.
  await page.getByLabel("Sort").selectOption({ label: "Oldest first" });
  await expect(page).toHaveURL(/sort=oldest/);
  const days = (await datesShown(page)).map((d) => d.slice(0, 10));
  expect(days).toEqual([...days].sort());
  // Up to a day before the last one shown: every review of the range is on this first page.
  const [from, to] = [days[1], days.filter((d) => d < days[days.length - 1]).at(-1)!];
  const expected = days.filter((d) => d >= from && d <= to).length;
  await page.getByLabel("Written from (UTC day)").fill(from);
  await page.getByLabel("Written until (UTC day)").fill(to);
  await expect(page).toHaveURL(new RegExp(`from=${from}.*to=${to}|to=${to}.*from=${from}`));
  await expect(page.getByTestId("review-count")).toHaveText(`${expected} ${expected === 1 ? "review" : "reviews"} match`);
  for (const d of await datesShown(page)) expect(d.slice(0, 10) >= from && d.slice(0, 10) <= to).toBe(true);
  // Backwards: the boxes say why, and the list stays as it was.
  await page.getByLabel("Written from (UTC day)").fill("2099-01-01");
  await expect(page.getByText(/The range ends .* before it starts/)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`from=${from}`));
  await page.getByLabel("Written from (UTC day)").fill(from);
  await screenshot(page, "review-queue-sorted-range");

  // The open review knows its place in the list: j/k and the buttons open its neighbours.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/from=/);
  await expect(page).toHaveURL(/sort=oldest/); // the order is not a filter
  await cards(page).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("review-position")).toHaveText(`1 of ${total}`);
  await expect(dialog.getByRole("button", { name: "Previous" })).toBeDisabled();
  const firstTitle = await dialog.getByRole("heading").first().textContent();
  await page.keyboard.press("j");
  await expect(dialog.getByTestId("review-position")).toHaveText(`2 of ${total}`);
  const secondId = await cards(page).nth(1).getAttribute("data-review-id");
  await expect(page).toHaveURL(new RegExp(`review=${secondId}`));
  await dialog.getByRole("button", { name: "Next" }).click();
  await expect(dialog.getByTestId("review-position")).toHaveText(`3 of ${total}`);
  await page.keyboard.press("k");
  await page.keyboard.press("k");
  await expect(dialog.getByTestId("review-position")).toHaveText(`1 of ${total}`);
  await expect(dialog.getByRole("heading").first()).toHaveText(firstTitle!);
  // r puts the cursor in the reply box; typing j there types, it does not move.
  await page.keyboard.press("r");
  await expect(dialog.getByLabel("Reply text")).toBeFocused();
  await page.keyboard.type("just");
  await expect(dialog.getByLabel("Reply text")).toHaveValue("just");
  await expect(dialog.getByTestId("review-position")).toHaveText(`1 of ${total}`);
  await page.setViewportSize(WIDTHS.phone);
  await screenshot(page, "review-queue-dialog-phone");
  await expectNoSeriousAxeViolations(page, "open review with its neighbours");
  await page.setViewportSize(WIDTHS.desktop);
  await screenshot(page, "review-queue-dialog");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // In the list, j/k move the focus from card to card; ? lists the shortcuts.
  await expect(cards(page).nth(0)).toBeFocused(); // closing puts the focus back on the review's card
  await page.keyboard.press("j");
  await expect(cards(page).nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await expect(cards(page).nth(0)).toBeFocused();
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcuts-help")).toContainText("Next review");
  await expectNoSeriousAxeViolations(page, "shortcuts");
  await page.keyboard.press("Escape");
  await page.setViewportSize(WIDTHS.phone);
  await expectNoHorizontalOverflow(page);
  await screenshot(page, "review-queue-phone", { fullPage: true });
});

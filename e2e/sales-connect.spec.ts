// Connecting the Sales and Finance reports on the integrations page, against the Apple simulator's demo scenario
// (its reports: vendor number 85012345, a year of daily files): a vendor number that is not digits is a field error,
// one Apple does not accept for the key is named by Test connection, the right one starts the backfill, whose
// progress the page follows (polled over GET) until the year is stored; then "Sync reports" by keyboard.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoHorizontalOverflow, expectNoSeriousAxeViolations, WIDTHS } from "./support/a11y";
import { screenshot } from "./support/screenshot";
import { addApp, connectAppStoreConnect, signUp } from "./support/session";

const VENDOR = "85012345";

async function atBothWidths(page: Page, name: string) {
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await expectNoSeriousAxeViolations(page, label);
    await expectNoHorizontalOverflow(page);
    await screenshot(page, `${name}-${label}`, { fullPage: true });
  }
  await page.setViewportSize(WIDTHS.desktop);
}

/** Tabs from the top of the page until `target` has the focus (it must be reachable by keyboard). */
async function tabTo(page: Page, target: Locator, max = 120) {
  await page.locator("body").focus();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`not reached by ${max} presses of Tab`);
}

test("connect the Sales and Finance reports with a vendor number: the test names a wrong one, the backfill shows its progress to the end, Sync reports by keyboard", async ({ page }) => {
  test.setTimeout(300_000);
  const { projectId } = await signUp(page, { teamName: "Revenue Team" });
  await addApp(page, { name: "Breeze Weather", bundleId: "com.example.weather" });
  await addApp(page, { name: "Quill Notes", bundleId: "com.example.notes" });
  await connectAppStoreConnect(page, projectId);

  const reports = page.getByTestId("reports-status");
  await expect(reports).toContainText("Add the vendor number");
  const vendor = page.getByLabel(/^Vendor number/);

  // Not digits: a field error that says where the number is, nothing saved.
  await vendor.fill("85O12345");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/The vendor number is digits only/)).toBeVisible();
  await expect(vendor).toHaveAttribute("aria-invalid", "true");

  // A number Apple does not accept for this key: saving tests at once, and the test says so with Apple's answer.
  await vendor.fill("99999999");
  await page.getByRole("button", { name: "Save changes" }).click();
  const sales = page.getByTestId("report-access-sales");
  await expect(sales).toContainText("Apple does not accept this vendor number for this key");
  await expect(sales).toContainText("403");
  await expect(page.getByTestId("report-access-finance")).toContainText("vendor number");
  await expect(page.getByTestId("reports-progress")).toContainText("Imported 0 of 365 days");

  // The right one (the stored .p8 stays: no file needed): the test passes and the backfill starts.
  await vendor.fill(VENDOR);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(sales).toContainText("can be read");
  await expect(page.getByTestId("report-access-finance")).toContainText("can be read");
  await expect(reports).toContainText(`Vendor number ${VENDOR}`);

  // Progress while it runs: a count between none and all, the progress bar, the button following the run.
  const progress = page.getByTestId("reports-progress");
  await expect(progress).toHaveText(/Imported ([1-9]\d?|[12]\d\d|3[0-5]\d) of 365 days · 0 pending · 0 failed/, { timeout: 60_000 });
  await expect(page.getByRole("progressbar", { name: "Days of Sales reports stored" })).toHaveAttribute("aria-valuemax", "365");
  await expect(page.getByRole("button", { name: /Syncing…/ })).toBeVisible();
  await expect(reports).toContainText("One report sync runs at a time per project");
  await screenshot(page, "sales-connect-backfill-running-desktop", { fullPage: true });
  await page.setViewportSize(WIDTHS.phone);
  await expectNoHorizontalOverflow(page);
  await screenshot(page, "sales-connect-backfill-running-phone", { fullPage: true });
  await page.setViewportSize(WIDTHS.desktop);

  // To the end: every day Apple keeps is stored (the oldest of Starboard's window may be a day beyond Apple's year).
  await expect(page.getByText(/Sales reports synced: 36[45] of 365 days stored/).first()).toBeVisible({ timeout: 240_000 });
  await expect(progress).toHaveText(/Imported 36[45] of 365 days · 0 pending · 0 failed/);
  await expect(reports.getByText("succeeded").first()).toBeVisible();
  await expect(reports).toContainText(/Finance · \d+ of 12 fiscal months imported/);
  await atBothWidths(page, "sales-connect-done");

  // Sync reports by keyboard: asks only for what is not stored yet, and ends again.
  const sync = page.getByRole("button", { name: "Sync reports" });
  await tabTo(page, sync);
  await page.keyboard.press("Enter");
  await expect(page.getByText(/Sales reports synced: 36[45] of 365 days stored/).first()).toBeVisible({ timeout: 60_000 });
  await expect(sync).toBeEnabled();
  // The vendor number field is reachable by keyboard too.
  await tabTo(page, vendor);
});

// Downloads & revenue: before reports are connected the page says how; after the real sales backfill and finance
// sync against the simulator, the KPIs, the daily chart (a day Apple has not published shown as pending, not zero) and
// the country table equal what the stored facts say (computed from the database, not written here), the range is in
// the URL, the app cards show their 30 days, and the page passes axe at 1280 and 390 px and works by keyboard.
import { expect, test, type Page } from "@playwright/test";
import { latestPublishedSalesDay } from "../lib/apple/asc/reports/publication";
import { addDays } from "../lib/apple/asc/reports/values";
import { expectNoHorizontalOverflow, expectNoSeriousAxeViolations, WIDTHS } from "./support/a11y";
import { expectedSales, startReportsSim, syncReports } from "./support/sales";
import { screenshot } from "./support/screenshot";
import { addApp, connectAppStoreConnect, signUp } from "./support/session";

const VENDOR = "85012345";
const units = (v: string | null) => Number(v ?? 0).toLocaleString("en-US");

async function checkLayout(page: Page, name: string) {
  for (const viewport of [WIDTHS.desktop, WIDTHS.phone]) {
    await page.setViewportSize(viewport);
    await screenshot(page, `${name}-${viewport.width}`, { fullPage: true });
    await expectNoSeriousAxeViolations(page, `${viewport.width} px`);
    if (viewport === WIDTHS.phone) await expectNoHorizontalOverflow(page);
  }
  await page.setViewportSize(WIDTHS.desktop);
}

test("Downloads & revenue: empty until reports are connected, then KPIs, chart and countries as the reports say", async ({ page }) => {
  test.setTimeout(300_000);
  const { projectId } = await signUp(page, { teamName: "Revenue Labs" });
  const salesPage = `/dashboard/projects/${projectId}/sales`;

  // Nothing connected: the page says how to connect, and links to the integrations.
  await page.getByRole("link", { name: "Downloads & revenue" }).click();
  await expect(page).toHaveURL(salesPage);
  await expect(page.getByRole("heading", { name: "Connect App Store Connect reports" })).toBeVisible();
  await expect(page.getByText(/vendor number/).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Connect reports" })).toHaveAttribute("href", `/dashboard/projects/${projectId}/integrations`);
  await checkLayout(page, "sales-empty");

  await page.goto(`/dashboard/projects/${projectId}`);
  await addApp(page, { name: "Breeze Weather", bundleId: "com.example.weather", appStoreId: "1480000001" });
  await addApp(page, { name: "Notes", bundleId: "com.example.notes", appStoreId: "1480000002" });
  await connectAppStoreConnect(page, projectId);

  // Apple has published up to the day before the newest one due, so that day is pending; one day sold nothing.
  const latest = latestPublishedSalesDay(new Date());
  const sim = await startReportsSim({
    vendorNumber: VENDOR,
    latestDay: addDays(latest, -1),
    retentionDays: 75,
    rowsPerDay: 160,
    seed: 17,
    noSalesDays: [addDays(latest, -12)],
    payoutCurrency: "EUR",
    apps: [
      { appleId: "1480000001", sku: "breeze.weather", title: "Breeze Weather", releaseEveryDays: 12, iaps: [{ appleId: "1480000101", sku: "breeze.pro", title: "Breeze Pro", productType: "IAY", tier: 3 }] },
      { appleId: "1480000002", sku: "notes.app", title: "Notes", tier: 2, weight: 0.5 },
    ],
  });
  try {
    const runs = await syncReports(projectId, VENDOR, sim);
    expect(runs.app_store_sales_backfill.status).toBe("succeeded");
    expect(runs.app_store_finance_sync.status).toBe("succeeded");
  } finally {
    await sim.stop();
  }
  const from = addDays(latest, -29);
  const expected = await expectedSales(projectId, from, latest);
  expect(expected.latest).toBe(addDays(latest, -1));

  // Every figure is read over GET from /api/v1; looking around the page changes nothing (no server action).
  const actions: string[] = [];
  const reads = new Set<string>();
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (request.headers()["next-action"]) actions.push(url.pathname);
    else if (request.method() === "GET" && url.pathname.startsWith("/api/v1/")) reads.add(url.pathname);
  });
  await page.goto(salesPage);
  // KPIs: the 7 and 30 days up to the newest day that is in.
  const downloadsTile = page.getByTestId("kpi-downloads");
  await expect(downloadsTile.getByTestId("kpi-downloads-7 days").getByTestId("kpi-value")).toHaveText(units(expected.last7));
  await expect(downloadsTile.getByTestId("kpi-downloads-30 days").getByTestId("kpi-value")).toHaveText(units(expected.last30));
  await expect(page.getByTestId("kpi-proceeds")).toContainText("EUR");

  // The chart: 30 days, the pending one told apart, and its table equal to the facts day by day.
  const inDays = expected.days.filter((d) => d.state === "imported" || d.state === "no_sales");
  const total = inDays.reduce((s, d) => s + Number(d.downloads ?? 0), 0);
  await expect(page.getByTestId("sales-chart")).toHaveAccessibleName(
    new RegExp(`^30 days: ${total.toLocaleString("en-US")} downloads over the ${inDays.length} days that are in, 1 without figures(, \\d+ releases)?\\.$`),
  );
  await page.getByText("Days as a table").click();
  const days = page.getByTestId("sales-days");
  await expect(days.locator(`tr[data-date="${latest}"]`)).toHaveAttribute("data-state", "pending");
  await expect(days.locator(`tr[data-date="${latest}"]`)).toContainText("Pending");
  await expect(days.locator(`tr[data-date="${addDays(latest, -12)}"]`)).toContainText("No sales");
  for (const day of expected.days.filter((d) => d.state === "imported").slice(-5)) {
    await expect(days.locator(`tr[data-date="${day.date}"] td`).first()).toHaveText(units(day.downloads));
  }
  await expect(page.getByTestId("currency-note")).toContainText("Proceeds in EUR");

  // Countries: the same order and figures as the facts, then sortable by name.
  const rows = page.getByTestId("sales-country-table").locator("tbody tr");
  await expect(rows).toHaveCount(Math.min(15, expected.countries.length));
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-country"), tr.querySelector('[data-column="downloads"]')?.textContent]));
  expect(shown).toEqual(expected.countries.slice(0, 15).map((c) => [c.country, units(c.downloads)]));
  await page.getByTestId("sales-app-table").getByText("Breeze Weather").waitFor();
  await checkLayout(page, "sales");

  // Keyboard: the range buttons and the sort headers are reachable and work.
  await page.getByRole("button", { name: "30 days" }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "90 days" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "1 year" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]range=365/);
  await expect(page.getByTestId("sales-chart")).toHaveAccessibleName(/^365 days: /);
  await screenshot(page, "sales-365-1280");
  const countryHeader = page.getByTestId("sales-country-table").getByRole("button", { name: "Country" });
  await countryHeader.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("sales-country-table").locator("th").first()).toHaveAttribute("aria-sort", "ascending");
  const names = await rows.locator("th").allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.replace(/^\W+/u, "").localeCompare(b.replace(/^\W+/u, ""), "en")));

  // A custom range lives in the URL and survives a reload.
  await page.getByRole("button", { name: "Custom" }).click();
  await page.getByLabel("From", { exact: true }).fill(addDays(latest, -9));
  await page.getByLabel("To", { exact: true }).fill(addDays(latest, -3));
  await page.getByRole("button", { name: "Show range" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${addDays(latest, -9)}&to=${addDays(latest, -3)}`));
  await page.reload();
  await expect(page.getByTestId("sales-chart")).toHaveAccessibleName(/^7 days: /);
  // (The bell's inbox is read too.)
  expect([...reads].filter((p) => p.includes("/sales")).sort()).toEqual([`/api/v1/projects/${projectId}/sales`, `/api/v1/projects/${projectId}/sales/apps`, `/api/v1/projects/${projectId}/sales/summary`]);
  expect(actions).toEqual([]);

  // A range the API refuses (over two years, typed into the URL): the panels say so with the server's words and a retry.
  await page.goto(`${salesPage}?from=2020-01-01&to=${latest}`);
  const refused = page.getByRole("alert").filter({ hasText: "Could not load the daily figures" });
  await expect(refused).toContainText("at most 731");
  await expect(refused.getByRole("button", { name: "Retry" })).toBeVisible();

  // The app cards: 30 days of downloads beside the ★ badge, linking here.
  await page.goto(`/dashboard/projects/${projectId}`);
  await page.getByTestId("sync-ratings").click();
  await expect(page.getByTestId("sync-last-run")).toContainText("Last sync succeeded", { timeout: 45_000 });
  const weather = page.getByTestId("app-card").filter({ hasText: "Breeze Weather" });
  await expect(weather.getByTestId("rating-badge")).toBeVisible();
  await expect(weather.getByTestId("rating-badge").locator("xpath=..").getByTestId("downloads-sparkline")).toHaveAttribute("href", salesPage);
  for (const app of expected.apps) {
    const card = page.getByTestId("app-card").filter({ hasText: app.name });
    await expect(card.getByTestId("downloads-sparkline")).toHaveAccessibleName(`${units(app.last30)} downloads · 30 days`);
  }
  await checkLayout(page, "sales-project-cards");
});

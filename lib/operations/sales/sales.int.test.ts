// The Downloads & revenue reads over days and a finance month the real syncs stored from the simulator: every figure
// is checked against the stored facts and exchange rates (computed here in SQL of their own), a day Apple has not
// published is pending with no figures, and proceeds in the team currency are estimates outside finance months.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, latestPublishedSalesDay } from "@/lib/apple/asc/reports";
import { addDays } from "@/lib/apple/asc/reports/values";
import type { Caller } from "@/lib/auth/access";
import { db, sqlPool } from "@/lib/db";
import { appDownloadSparklines } from "@/lib/data/sales/sparklines";
import { withConfig } from "@/lib/env";
import { actionResult } from "@/lib/operations/adapters/server-action";
import { syncFinanceReports } from "@/lib/sync/sales/sync-finance";
import { syncSalesReports } from "@/lib/sync/sales/sync-sales";
import { inlineSteps } from "@/lib/sync/steps";
import { createOwner } from "@/test/fixtures";
import { createSalesWorld, LATEST_DAY, NOW, salesSimConfig, startSalesSim, type SalesWorld } from "@/test/sales-world";
import type { RunningAppleSim } from "@/tools/apple-sim";
import { resolveAccess } from "@/lib/auth/access";
import { getAppSales, getProjectSales, getProjectSalesByApp, getProjectSalesSummary } from "./index";

let apple: RunningAppleSim;
let w: SalesWorld;
let owner: Caller;
const PENDING = LATEST_DAY; // 2026-03-30: Apple answers "not available yet"
const NO_SALES = addDays(LATEST_DAY, -2);
const FIRST = "2026-02-01";
const FINANCE_MONTH = "2026-02-01"; // fiscal February: Feb 1 – Feb 28, 2026
const days = (from: string, to: string) => Array.from({ length: Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1 }, (_, i) => addDays(from, i));

beforeAll(async () => {
  apple = await startSalesSim();
  w = await createSalesWorld();
  owner = { kind: "user", userId: (await db.teamMember.findFirstOrThrow({ where: { teamId: w.teamId, role: "owner" } })).userId };
  apple.sim.addFault({ endpoint: "asc.salesReports", kind: "not_available_yet", date: PENDING });
  apple.sim.reports.update({ noSalesDays: [NO_SALES] });
  await withConfig(salesSimConfig(apple), async () => {
    const sales = await syncSalesReports({ projectId: w.projectId, trigger: "manual", steps: inlineSteps, mode: "daily", now: NOW, days: days(FIRST, PENDING) });
    expect(sales.status).toBe("succeeded");
    const finance = await syncFinanceReports({ projectId: w.projectId, trigger: "manual", steps: inlineSteps, now: NOW, months: [FINANCE_MONTH] });
    expect(finance.status).toBe("succeeded");
  });
}, 120_000);
afterAll(() => apple.stop());

const run = async <T>(op: { run: (c: Caller, raw: never) => Promise<T> }, input: Record<string, unknown>) => op.run(owner, input as never);
const one = async (sql: string, params: unknown[]) => (await sqlPool().query<{ v: string | null }>(sql, params)).rows[0].v;

/** Σ units of a bucket from the facts of the project's apps (or one app) over days, as PostgreSQL sums them. */
const unitsOfFacts = (from: string, to: string, bucket: Parameters<typeof codesOf>[0], appId: string | null = null) =>
  one(
    `SELECT trim_scale(coalesce(sum(f.units), 0))::text AS v FROM sales_daily_facts f
     JOIN sales_identifiers i ON i.project_id = f.project_id AND i.apple_identifier = f.apple_identifier
     WHERE f.project_id = $1 AND f.report_date BETWEEN $2 AND $3 AND i.app_id IS NOT NULL AND ($5::uuid IS NULL OR i.app_id = $5) AND f.product_type = ANY($4)`,
    [w.projectId, from, to, codesOf(bucket), appId],
  );

/** Proceeds of the project's apps over days in EUR: each currency at fiscal February's rate (EUR itself at 1). */
const eurOfFacts = (from: string, to: string) =>
  one(
    `SELECT round(sum(f.proceeds * coalesce(r.rate, CASE WHEN f.proceeds_currency = 'EUR' THEN 1 END)), 2)::text AS v FROM sales_daily_facts f
     JOIN sales_identifiers i ON i.project_id = f.project_id AND i.apple_identifier = f.apple_identifier AND i.app_id IS NOT NULL
     LEFT JOIN finance_exchange_rates r ON r.project_id = f.project_id AND r.period_start = $4 AND r.currency = f.proceeds_currency
     WHERE f.project_id = $1 AND f.report_date BETWEEN $2 AND $3`,
    [w.projectId, from, to, FINANCE_MONTH],
  );

describe("sales by day", () => {
  it("has every day of the range: figures equal the stored facts, pending has none (not zeros), no-sales is a real zero", async () => {
    const from = addDays(PENDING, -6);
    const result = await run(getProjectSales, { projectId: w.projectId, from, to: PENDING, groupBy: "day" });
    if (result.groupBy !== "day") throw new Error("grouped by day");
    expect(result.days.map((d) => d.date)).toEqual(days(from, PENDING));
    expect(result.days.find((d) => d.date === PENDING)).toEqual({ date: PENDING, state: "pending", figures: null });
    expect(result.days.find((d) => d.date === NO_SALES)).toMatchObject({ state: "no_sales", figures: { downloads: "0", proceeds: [], converted: { amount: "0.00" } } });
    for (const day of result.days.filter((d) => d.state === "imported")) {
      expect(day.figures!.downloads).toBe(await unitsOfFacts(day.date, day.date, "downloads"));
      expect(day.figures!.updates).toBe(await unitsOfFacts(day.date, day.date, "updates"));
      expect(day.figures!.subscriptions).toBe(await unitsOfFacts(day.date, day.date, "subscriptions"));
      expect(day.figures!.proceeds.every((p) => /^-?\d+(\.\d+)?$/.test(p.amount))).toBe(true);
    }
    expect(result.days.some((d) => Number(d.figures?.downloads ?? 0) > 0)).toBe(true);
  });

  it("converts proceeds into the team currency at the fiscal month's rates, and marks the days after the last finance month as estimates", async () => {
    const from = "2026-02-26";
    const to = "2026-03-03";
    const result = await run(getProjectSales, { projectId: w.projectId, from, to });
    if (result.groupBy !== "day") throw new Error("grouped by day");
    expect(result.teamCurrency).toEqual({ code: "EUR", estimatedMonths: [{ name: "March 2026", from: "2026-03-01", to }] });
    for (const day of result.days) {
      expect(day.figures!.converted).toEqual({ amount: await eurOfFacts(day.date, day.date), estimate: day.date >= "2026-03-01", missingRates: [] });
      expect(new Set(day.figures!.proceeds.map((p) => p.currency)).size).toBeGreaterThan(1);
    }
  });

  it("marks the releases of new versions in the range, not the versions already out on the first day of the reports", async () => {
    const result = await run(getProjectSales, { projectId: w.projectId, from: FIRST, to: PENDING });
    if (result.groupBy !== "day") throw new Error("grouped by day");
    expect(result.releases.length).toBeGreaterThan(0);
    expect(result.releases.every((r) => r.date > FIRST && [w.weatherId, w.notesId].includes(r.appId))).toBe(true);
    const firstSeen = await sqlPool().query<{ first_date: string; version: string }>(
      `SELECT first_date::text, version FROM sales_app_versions WHERE project_id = $1 AND apple_identifier = '1480000001' AND first_date > $2 ORDER BY first_date, version`,
      [w.projectId, FIRST],
    );
    expect(result.releases.filter((r) => r.appId === w.weatherId).map((r) => [r.date, r.version])).toEqual(firstSeen.rows.map((r) => [r.first_date, r.version]));
  });

  it("for one app: its own downloads, in-app purchases and subscriptions", async () => {
    const from = addDays(PENDING, -6);
    const result = await run(getAppSales, { appId: w.weatherId, from, to: PENDING });
    if (result.groupBy !== "day") throw new Error("grouped by day");
    const day = result.days.find((d) => d.date === addDays(PENDING, -1))!;
    expect(day.figures!.downloads).toBe(await unitsOfFacts(day.date, day.date, "downloads", w.weatherId));
    expect(day.figures!.subscriptions).toBe(await unitsOfFacts(day.date, day.date, "subscriptions", w.weatherId));
    expect(Number(day.figures!.inAppPurchases) + Number(day.figures!.subscriptions)).toBeGreaterThan(0);
    expect(result.days.find((d) => d.date === PENDING)!.figures).toBeNull();
  });
});

describe("sales by country and by app", () => {
  const from = "2026-03-01";
  const to = addDays(PENDING, -1);

  it("per storefront the sums equal the range's, most downloads first, codes lower case", async () => {
    const result = await run(getProjectSales, { projectId: w.projectId, from, to, groupBy: "country" });
    if (result.groupBy !== "country") throw new Error("grouped by country");
    const sum = (values: string[]) => values.reduce((s, v) => s + Number(v), 0);
    expect(sum(result.countries.map((c) => c.downloads))).toBe(Number(await unitsOfFacts(from, to, "downloads")));
    expect(sum(result.countries.map((c) => c.redownloads))).toBe(Number(await unitsOfFacts(from, to, "redownloads")));
    const downloads = result.countries.map((c) => Number(c.downloads));
    expect(downloads).toEqual([...downloads].sort((a, b) => b - a));
    expect(result.countries.every((c) => /^[a-z]{2}$/.test(c.countryCode))).toBe(true);
    expect(result.countries.every((c) => c.converted?.estimate === true)).toBe(true);
  });

  it("one app per storefront equals its days", async () => {
    const byCountry = await run(getAppSales, { appId: w.notesId, from, to, groupBy: "country" });
    if (byCountry.groupBy !== "country") throw new Error("grouped by country");
    expect(byCountry.countries.reduce((s, c) => s + Number(c.downloads), 0)).toBe(Number(await unitsOfFacts(from, to, "downloads", w.notesId)));
    expect(byCountry.countries.every((c) => c.inAppPurchases === "0" && c.subscriptions === "0")).toBe(true);
  });

  it("per app: every Apple app of the project, their sums the project's, and the vendor's other products counted as unmatched", async () => {
    const result = await run(getProjectSalesByApp, { projectId: w.projectId, from, to });
    expect(result.apps.map((a) => [a.appId, a.matched])).toEqual(
      expect.arrayContaining([
        [w.weatherId, true],
        [w.notesId, true],
      ]),
    );
    expect(result.apps.reduce((s, a) => s + Number(a.downloads), 0)).toBe(Number(await unitsOfFacts(from, to, "downloads")));
    expect(result.apps.find((a) => a.appId === w.weatherId)!.downloads).toBe(await unitsOfFacts(from, to, "downloads", w.weatherId));
    // "Other" and its in-app purchase are in the vendor's reports but not in this project.
    expect(result.unmatchedProducts).toBe(2);
  });
});

describe("summary", () => {
  it("ends the periods at the newest day that is in, compares complete periods, and refuses a comparison with missing days", async () => {
    const summary = await run(getProjectSalesSummary, { projectId: w.projectId });
    const end = addDays(PENDING, -1);
    expect(summary.reports).toEqual({ connected: true, notConnectedReason: null, latestDay: end, earliestDay: FIRST });
    const k7 = summary.kpis!.last7;
    expect([k7.current.from, k7.current.to, k7.previous.from, k7.previous.to]).toEqual([addDays(end, -6), end, addDays(end, -13), addDays(end, -7)]);
    expect(k7.current).toMatchObject({ settledDays: 7, days: 7, downloads: await unitsOfFacts(addDays(end, -6), end, "downloads") });
    expect(k7.previous.downloads).toBe(await unitsOfFacts(addDays(end, -13), addDays(end, -7), "downloads"));
    expect(k7.change.downloads).toBeCloseTo((Number(k7.current.downloads) - Number(k7.previous.downloads)) / Number(k7.previous.downloads), 10);
    expect(k7.current.converted).toMatchObject({ amount: await eurOfFacts(addDays(end, -6), end), estimate: true });
    // The 30 days before the last 30 start in January, before the first day synced: pending days, no comparison.
    expect(summary.kpis!.last30.previous.settledDays).toBeLessThan(30);
    expect(summary.kpis!.last30.change).toEqual({ downloads: null, redownloads: null, updates: null, proceeds: null });
  });

  it("tells a project without reports how to connect them, with no figures", async () => {
    const bare = await createOwner("no-reports");
    const summary = await actionResult(getProjectSalesSummary, bare.caller, { projectId: bare.projectId });
    expect(summary).toMatchObject({ ok: true, data: { reports: { connected: false, notConnectedReason: expect.stringMatching(/connect an API key and the vendor number/), latestDay: null }, kpis: null } });
    const result = await actionResult(getProjectSales, bare.caller, { projectId: bare.projectId, from: "2026-03-01", to: "2026-03-02" });
    expect(result).toMatchObject({ ok: true, data: { teamCurrency: { code: null }, days: [{ state: "pending", figures: null }, { state: "pending", figures: null }] } });
  });
});

describe("the app cards' sparklines", () => {
  it("hold 30 days up to the newest day that is in, their total the app's downloads over them", async () => {
    const ctx = await resolveAccess(owner, { projectId: w.projectId }, "sales:read");
    const { to, apps } = await appDownloadSparklines(ctx);
    const end = addDays(PENDING, -1);
    expect(to).toBe(end);
    const weather = apps.find((a) => a.appId === w.weatherId)!;
    expect(weather.points).toHaveLength(30);
    expect(weather.downloads).toBe(await unitsOfFacts(addDays(end, -29), end, "downloads", w.weatherId));
    expect(weather.points.reduce<number>((s, p) => s + (p ?? 0), 0)).toBe(Number(weather.downloads));
    expect(weather.points[days(addDays(end, -29), end).indexOf(NO_SALES)]).toBe(0);
  });
});

describe("input and access", () => {
  it("refuses a reversed range, a range too long and a day that does not exist, naming the field", async () => {
    const refused = (input: Record<string, unknown>) => actionResult(getProjectSales, owner, { projectId: w.projectId, ...input });
    expect(await refused({ from: "2026-03-10", to: "2026-03-01" })).toMatchObject({ ok: false, error: { code: "validation_failed", fieldErrors: { from: expect.stringMatching(/after to/) } } });
    expect(await refused({ from: "2023-01-01", to: "2026-03-01" })).toMatchObject({ ok: false, error: { fieldErrors: { from: expect.stringMatching(/at most 731/) } } });
    expect(await refused({ to: "2026-02-30" })).toMatchObject({ ok: false, error: { fieldErrors: { to: expect.stringMatching(/YYYY-MM-DD/) } } });
    expect(await refused({ groupBy: "week" })).toMatchObject({ ok: false, error: { fieldErrors: { groupBy: "groupBy is day or country." } } });
    // With only from, the range ends at the newest day Apple publishes: a start after it, or years before it, is refused.
    expect(await refused({ from: "2999-01-01" })).toMatchObject({ ok: false, error: { fieldErrors: { from: expect.stringMatching(/newest day Apple has published/) } } });
    expect(await refused({ from: "2001-01-01" })).toMatchObject({ ok: false, error: { fieldErrors: { from: expect.stringMatching(/at most 731/) } } });
    const fromOnly = await run(getProjectSales, { projectId: w.projectId, from: FIRST });
    expect(fromOnly).toMatchObject({ from: FIRST, to: latestPublishedSalesDay(new Date()) });
  });

  it("another team's caller finds nothing; an agent key without sales:read is refused", async () => {
    const stranger = await createOwner("sales-stranger");
    expect(await actionResult(getProjectSales, stranger.caller, { projectId: w.projectId })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await actionResult(getAppSales, stranger.caller, { appId: w.weatherId })).toMatchObject({ ok: false, error: { code: "not_found" } });
    const key: Caller = { kind: "apiKey", apiKeyId: "00000000-0000-4000-8000-000000000000", teamId: w.teamId, projectId: null, permissions: ["reviews:read", "integrations:read"] };
    expect(await actionResult(getProjectSalesSummary, key, { projectId: w.projectId })).toMatchObject({ ok: false, error: { code: "forbidden", message: expect.stringContaining("sales:read") } });
  });
});

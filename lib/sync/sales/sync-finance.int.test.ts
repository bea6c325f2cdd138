// The finance sync against the simulator over HTTP: twelve fiscal months of FINANCIAL (ZZ) proceeds and exchange
// rates, an unchanged re-import that rewrites nothing (xmin), the UNCONFIRMED reading of YYYY-MM switched in the
// simulator, a key without the Finance role, and a broken file that leaves the stored month as it was.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sqlPool } from "@/lib/db";
import { inlineSteps } from "@/lib/sync/steps";
import { createSalesWorld, NOW, salesSimConfig, startSalesSim, type SalesWorld } from "@/test/sales-world";
import { useConfig } from "@/test/config";
import type { RunningAppleSim } from "@/tools/apple-sim";
import { fiscalMonthContaining, reportDateLabel } from "@/lib/apple/asc/reports";
import { dueFinanceMonths, queueScheduledFinanceRuns } from "./schedule";
import { syncFinanceReports, type FinanceSyncInput } from "./sync-finance";

let apple: RunningAppleSim;
beforeAll(async () => {
  apple = await startSalesSim();
});
afterAll(() => apple.stop());
useConfig(() => salesSimConfig(apple));
afterEach(() => {
  apple.sim.reset();
});

const sync = (w: SalesWorld, over: Partial<FinanceSyncInput> = {}) => syncFinanceReports({ projectId: w.projectId, trigger: "manual", steps: inlineSteps, now: NOW, ...over });
const q = async <T extends Record<string, unknown>>(sql: string, params: unknown[]) => (await sqlPool().query<T>(sql, params)).rows;
const months = dueFinanceMonths(new Date(NOW)).map((m) => m.start);
const files = (w: SalesWorld) =>
  q<{ start: string; status: string; label: string; apple_status: number | null; error: string | null }>(
    `SELECT report_date::text AS start, status::text, request_label AS label, apple_status, error FROM asc_report_files WHERE project_id = $1 AND kind = 'finance' ORDER BY report_date DESC`, [w.projectId]);
/** Every proceeds and rate row with its xmin: equal before and after = nothing rewritten. */
const fingerprint = async (w: SalesWorld) =>
  (await q<{ t: string | null }>(
    `SELECT string_agg(x, ',' ORDER BY x) AS t FROM (
       SELECT period_start || apple_identifier || country_code || currency || quantity || ':' || proceeds || '@' || xmin AS x FROM finance_monthly_proceeds WHERE project_id = $1
       UNION ALL SELECT 'r' || period_start || currency || rate || payout_currency || '@' || xmin FROM finance_exchange_rates WHERE project_id = $1) s`, [w.projectId]))[0].t ?? "";

describe("finance sync against the simulator", () => {
  it("imports the last twelve fiscal months with exact proceeds and exchange rates, and an unchanged re-import rewrites nothing", async () => {
    const w = await createSalesWorld();
    const result = await sync(w);
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ due: 12, imported: 12, failed: 0, reading: "fiscal_period", readingMismatches: 0 });
    const stored = await files(w);
    expect(stored.map((f) => f.start)).toEqual(months);
    expect(stored.every((f) => f.status === "imported")).toBe(true);
    // Fiscal period numbering: the first month asked for is labelled with its fiscal year and period.
    expect(stored[0].label).toMatch(/^\d{4}-\d{2}$/);
    const proceeds = await q<{ currency: string; proceeds: string; scale: number }>(
      `SELECT currency, proceeds::text, scale(proceeds) AS scale FROM finance_monthly_proceeds WHERE project_id = $1 AND period_start = $2`, [w.projectId, months[0]]);
    expect(proceeds.length).toBeGreaterThan(0);
    expect(new Set(proceeds.map((p) => p.currency)).size).toBeGreaterThan(1);
    // Exact decimals: cents survive as text, never a float's 0.30000000000000004.
    expect(proceeds.every((p) => /^-?\d+(\.\d{1,4})?$/.test(p.proceeds))).toBe(true);
    const rates = await q<{ currency: string; payout_currency: string; rate: string }>(
      `SELECT currency, payout_currency, rate::text FROM finance_exchange_rates WHERE project_id = $1 AND period_start = $2`, [w.projectId, months[0]]);
    expect(rates.length).toBeGreaterThan(0);
    expect(rates.every((r) => r.payout_currency === "EUR" && Number(r.rate) > 0)).toBe(true);

    const before = await fingerprint(w);
    apple.sim.reports.update({ behaviours: { shuffleRows: true } });
    const again = await sync(w, { months });
    expect(again.status).toBe("succeeded");
    // Every month downloaded again: no row is rewritten (xmin).
    expect(again.counters).toMatchObject({ due: 12, done: 12, failed: 0, rowsInserted: 0, rowsUpdated: 0, rowsDeleted: 0 });
    expect(await fingerprint(w)).toBe(before);
    // A scheduled or manual run has nothing due once every month is stored (finance files are final).
    apple.sim.clearLog();
    const scheduled = await sync(w, { trigger: "schedule" });
    expect(scheduled.counters).toMatchObject({ due: 0 });
    expect(apple.sim.log.filter((l) => l.endpoint === "asc.financeReports")).toHaveLength(0);
  });

  it("when Apple reads YYYY-MM as the calendar month (UNCONFIRMED, switched in the simulator) the sync learns it and files every month under the period the file states", async () => {
    const w = await createSalesWorld();
    apple.sim.reports.update({ behaviours: { financeReportDate: "calendar_month" } });
    const result = await sync(w);
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ reading: "calendar_month", failed: 0 });
    expect((result.counters as { readingMismatches: number }).readingMismatches).toBeGreaterThanOrEqual(1);
    const imported = (await files(w)).filter((f) => f.status === "imported").map((f) => f.start);
    expect(imported).toEqual(expect.arrayContaining(months));
    // Nothing filed under a period outside the twelve months asked for.
    expect(imported.every((s) => months.includes(s))).toBe(true);
  });

  it("a Sales and Reports key (no Finance role) fails the run with Apple's 403 told once and the role it needs, not promising a retry", async () => {
    const w = await createSalesWorld({ keyId: "SALESONLY1" });
    const result = await sync(w);
    expect(result.status).toBe("failed");
    expect(result.counters).toMatchObject({ aborted: true, imported: 0, failed: 1, refused: 1 });
    const error = result.error ?? "";
    expect(error.match(/403 FORBIDDEN_ERROR/g)).toHaveLength(1);
    expect(error.match(/The API key in use does not allow this request/g)).toHaveLength(1);
    expect(error.match(/Finance or Admin role/g)).toHaveLength(1);
    expect(error).not.toMatch(/retried/);
  });

  it("a truncated file leaves the stored month as it was, and a month not published yet is pending without rows", async () => {
    const w = await createSalesWorld();
    await sync(w);
    const before = await fingerprint(w);
    const label = (await files(w))[0].label;
    apple.sim.addFault({ endpoint: "asc.financeReports", kind: "truncated", date: label });
    const broken = await sync(w, { months: [months[0]] });
    expect(broken.status).toBe("partial");
    expect(broken.counters).toMatchObject({ due: 1, failed: 1 });
    expect(broken.error).toMatch(/truncated gzip/);
    expect(await fingerprint(w)).toBe(before);
    expect((await files(w))[0]).toMatchObject({ status: "imported" });

    const fresh = await createSalesWorld();
    apple.sim.clearFaults();
    apple.sim.addFault({ endpoint: "asc.financeReports", kind: "not_available_yet", date: label });
    const pending = await sync(fresh);
    expect(pending.status).toBe("succeeded");
    expect(pending.counters).toMatchObject({ notAvailableYet: 1, imported: 11 });
    expect((await files(fresh)).find((f) => f.label === label)).toMatchObject({ status: "not_available_yet", apple_status: 404 });
    expect(await q(`SELECT 1 FROM finance_monthly_proceeds WHERE project_id = $1 AND period_start = $2`, [fresh.projectId, months[0]])).toHaveLength(0);
  });

  it("a fiscal month Apple has not published, refused, or answered 'no sales' for while it may still come is asked for again at the next daily check", async () => {
    const w = await createSalesWorld();
    const labelOf = (start: string) => reportDateLabel(fiscalMonthContaining(start), "fiscal_period");
    const [newest, oldest] = [months[0], months[11]];
    // The daily check at `check` queues the project; its run starts a few seconds later.
    const day = 86_400_000;
    const check = (n: number) => new Date(Date.parse(NOW) + n * day);
    const runAfter = (n: number, runId?: string) => sync(w, { trigger: "schedule", runId, now: new Date(check(n).getTime() + 20_000).toISOString() });
    /** The check at `n` days: the run it queued for this project, if any. */
    const queued = async (n: number) => (await queueScheduledFinanceRuns(check(n))).find((r) => r.projectId === w.projectId)?.runId;
    const fileOf = async (start: string) =>
      (await q<{ status: string; next_attempt_at: Date | null }>(`SELECT status::text, next_attempt_at FROM asc_report_files WHERE project_id = $1 AND kind = 'finance' AND report_date = $2`, [w.projectId, start]))[0];

    apple.sim.addFault({ endpoint: "asc.financeReports", kind: "not_available_yet", date: labelOf(newest) });
    // A month long past Apple's publication whose answer is "no sales" is final.
    apple.sim.addFault({ endpoint: "asc.financeReports", kind: "no_sales", date: labelOf(oldest) });
    expect((await runAfter(0)).counters).toMatchObject({ imported: 10, notAvailableYet: 1, noSales: 1 });
    expect(await fileOf(oldest)).toMatchObject({ status: "no_sales", next_attempt_at: null });
    let runId = await queued(1);
    expect(runId).toBeDefined();

    apple.sim.clearFaults();
    apple.sim.addFault({ endpoint: "asc.financeReports", kind: "403", date: labelOf(newest) });
    const refused = await runAfter(1, runId);
    expect(refused.counters).toMatchObject({ due: 1, refused: 1 });
    runId = await queued(2);
    expect(runId).toBeDefined();

    // Apple's 404 for a month it has not published may read "no sales" (apple-reports.md §4.3): asked again while the month is recent.
    apple.sim.clearFaults();
    apple.sim.addFault({ endpoint: "asc.financeReports", kind: "no_sales", date: labelOf(newest) });
    expect((await runAfter(2, runId)).counters).toMatchObject({ due: 1, noSales: 1 });
    runId = await queued(3);
    expect(runId).toBeDefined();

    apple.sim.clearFaults();
    expect((await runAfter(3, runId)).counters).toMatchObject({ due: 1, imported: 1 });
    expect(await fileOf(newest)).toMatchObject({ status: "imported", next_attempt_at: null });
    expect(await queued(3.05)).toBeUndefined();
  });
});

// Every report fault of the simulator, over HTTP: nothing already stored is lost, gaps and pending days are
// recorded as such (never as zero), and what Apple answered is on the run and the file row.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/apple/asc/reports/values";
import { db, sqlPool } from "@/lib/db";
import { inlineSteps } from "@/lib/sync/steps";
import { createApp } from "@/test/fixtures";
import { createSalesWorld, LATEST_DAY, NOW, salesSimConfig, startSalesSim, type SalesWorld } from "@/test/sales-world";
import { useConfig } from "@/test/config";
import type { RunningAppleSim } from "@/tools/apple-sim";
import { queueScheduledSalesRuns } from "./schedule";
import { syncSalesReports, type SalesSyncInput } from "./sync-sales";

let apple: RunningAppleSim;
beforeAll(async () => {
  apple = await startSalesSim();
});
afterAll(() => apple.stop());
useConfig(() => salesSimConfig(apple));
afterEach(() => {
  apple.sim.reset();
});

const D0 = LATEST_DAY;
const D1 = addDays(LATEST_DAY, -1);
const D2 = addDays(LATEST_DAY, -2);
const sync = (w: SalesWorld, over: Partial<SalesSyncInput> = {}) => syncSalesReports({ projectId: w.projectId, trigger: "manual", steps: inlineSteps, mode: "daily", now: NOW, days: [D0, D1, D2], ...over });
const q = async <T extends Record<string, unknown>>(sql: string, params: unknown[]) => (await sqlPool().query<T>(sql, params)).rows;
const file = async (w: SalesWorld, day: string) =>
  (await q<{ status: string; apple_status: number | null; apple_code: string | null; error: string | null; next_attempt_at: Date | null; checksum: string | null }>(
    `SELECT status::text, apple_status, apple_code, error, next_attempt_at, checksum FROM asc_report_files WHERE project_id = $1 AND kind = 'sales' AND report_date = $2`, [w.projectId, day]))[0];
const dayRows = async (w: SalesWorld, day: string) =>
  (await q<{ t: string | null }>(
    `SELECT string_agg(x, ',' ORDER BY x) AS t FROM (
       SELECT apple_identifier || country_code || product_type || proceeds_currency || units || ':' || proceeds || '@' || xmin AS x FROM sales_daily_facts WHERE project_id = $1 AND report_date = $2
       UNION ALL SELECT 'p' || proceeds_currency || downloads || proceeds || '@' || xmin FROM sales_project_days WHERE project_id = $1 AND report_date = $2) s`, [w.projectId, day]))[0].t ?? "";
const run = (id: string | null) => db.syncRun.findUniqueOrThrow({ where: { id: id! } });

describe("sales report faults", () => {
  it("a day not available yet is recorded as pending, retried within the hour, and never stored as zero", async () => {
    const w = await createSalesWorld();
    apple.sim.addFault({ endpoint: "asc.salesReports", kind: "not_available_yet", date: D0 });
    // The whole daily window, so that D0 is the only day left due.
    const result = await sync(w, { days: undefined });
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ imported: 34, notAvailableYet: 1, failed: 0 });
    const f = await file(w, D0);
    expect(f).toMatchObject({ status: "not_available_yet", apple_status: 404 });
    expect(await dayRows(w, D0)).toBe("");
    // The hourly check queues the project again an hour after the check whose run (starting a moment later) met it, not before.
    expect((await queueScheduledSalesRuns(new Date(Date.parse(NOW) + 30 * 60_000))).map((r) => r.projectId)).not.toContain(w.projectId);
    expect((await queueScheduledSalesRuns(new Date(Date.parse(NOW) - 20_000 + 60 * 60_000))).map((r) => r.projectId)).toContain(w.projectId);
    apple.sim.clearFaults();
    const again = await syncSalesReports({ projectId: w.projectId, trigger: "schedule", steps: inlineSteps, mode: "daily", now: new Date(Date.parse(NOW) + 61 * 60_000).toISOString() });
    expect(again.counters).toMatchObject({ imported: 1, due: 1 });
    expect((await file(w, D0)).status).toBe("imported");
  });

  it("a day without sales is a real zero day: recorded as no_sales, no rows", async () => {
    const w = await createSalesWorld();
    apple.sim.reports.update({ noSalesDays: [D1] });
    const result = await sync(w);
    expect(result.counters).toMatchObject({ imported: 2, noSales: 1 });
    expect(await file(w, D1)).toMatchObject({ status: "no_sales", apple_status: 404, next_attempt_at: null });
    expect(await dayRows(w, D1)).toBe("");
  });

  it("a backfill records days beyond Apple's retention as unavailable (410), not as gaps to retry", async () => {
    const w = await createSalesWorld();
    apple.sim.reports.update({ retentionDays: 5 });
    const result = await syncSalesReports({ projectId: w.projectId, trigger: "manual", steps: inlineSteps, mode: "backfill", now: NOW, days: [D0, addDays(D0, -4), addDays(D0, -5), addDays(D0, -30)] });
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ imported: 2, unavailable: 2 });
    expect(await file(w, addDays(D0, -30))).toMatchObject({ status: "unavailable", apple_status: 410, next_attempt_at: null });
  });

  it("a 429 is waited out; one that lasts stops the run, keeping what was stored and saying what Apple answered", async () => {
    const w = await createSalesWorld();
    apple.sim.addFault({ endpoint: "asc.salesReports", kind: 429, count: 1 });
    const ok = await sync(w);
    expect(ok.counters).toMatchObject({ imported: 3, rateLimitWaits: 1 });
    const stored = await dayRows(w, D0);
    apple.sim.addFault({ endpoint: "asc.salesReports", kind: 429 });
    apple.sim.reports.update({ behaviours: { shuffleRows: true } });
    // One day in flight at a time, so exactly one request meets the lasting 429 before the run stops.
    const limited = await sync(w, { concurrency: 1 });
    expect(limited.status).toBe("failed");
    expect(limited.counters).toMatchObject({ aborted: true, failed: 1, errorsByStatus: { "429": 1 } });
    expect(limited.error).toMatch(/429 RATE_LIMIT_EXCEEDED/);
    expect(await dayRows(w, D0)).toBe(stored);
    expect(await file(w, D0)).toMatchObject({ status: "imported", apple_status: 429, apple_code: "RATE_LIMIT_EXCEEDED" });
    expect((await run(limited.runId)).status).toBe("failed");
  });

  it("a day Apple answers 500 for, after the retries, fails alone: the run is partial and names it", async () => {
    const w = await createSalesWorld();
    apple.sim.addFault({ endpoint: "asc.salesReports", kind: 500, date: D1 });
    const result = await sync(w);
    expect(result.status).toBe("partial");
    expect(result.counters).toMatchObject({ imported: 2, failed: 1, errorsByStatus: { "500": 1 } });
    expect(result.error).toContain(`${D1}: App Store Connect 500 UNEXPECTED_ERROR`);
    const f = await file(w, D1);
    expect(f).toMatchObject({ status: "failed", apple_status: 500, apple_code: "UNEXPECTED_ERROR" });
    expect(f.next_attempt_at!.getTime()).toBeGreaterThan(Date.parse(NOW));
    expect(await dayRows(w, D1)).toBe("");
  });

  it.each([
    ["a truncated gzip", { kind: "truncated" as const }, /truncated gzip/],
    ["a renamed column", { kind: "renamed_column" as const, column: "Apple Identifier", renameTo: "Apple ID" }, /no "Apple Identifier" column/],
    ["a value that is not a number", { kind: "bad_value" as const }, /Units is not a number: "N\/A"/],
  ])("%s fails that file and leaves what was stored for the day as it was", async (_label, fault, message) => {
    const w = await createSalesWorld();
    await sync(w);
    const before = await dayRows(w, D0);
    const checksum = (await file(w, D0)).checksum;
    expect(before).not.toBe("");
    apple.sim.addFault({ endpoint: "asc.salesReports", ...fault, date: D0 });
    apple.sim.reports.update({ behaviours: { shuffleRows: true } });
    const result = await sync(w);
    expect(result.status).toBe("partial");
    expect(result.counters).toMatchObject({ failed: 1, imported: 2 });
    expect(result.error).toMatch(message);
    expect(await dayRows(w, D0)).toBe(before);
    expect(await file(w, D0)).toMatchObject({ status: "imported", checksum });
    expect((await file(w, D0)).error).toMatch(message);
    // On a day never stored, nothing of the broken file is written.
    const fresh = await createSalesWorld();
    apple.sim.clearFaults();
    apple.sim.addFault({ endpoint: "asc.salesReports", ...fault, date: D2 });
    await sync(fresh, { days: [D2] });
    expect(await file(fresh, D2)).toMatchObject({ status: "failed" });
    expect(await dayRows(fresh, D2)).toBe("");
  });

  it("a key Apple refuses (401) stops the run as failed, with Apple's code, and keeps what was stored", async () => {
    const w = await createSalesWorld();
    await sync(w, { days: [D0] });
    const before = await dayRows(w, D0);
    await db.integration.updateMany({ where: { projectId: w.projectId }, data: { keyId: "UNKNOWNKEY" } });
    const result = await sync(w);
    expect(result.status).toBe("failed");
    expect(result.error?.match(/401 NOT_AUTHORIZED/g)).toHaveLength(1);
    expect(result.error).not.toMatch(/retried/);
    expect(await dayRows(w, D0)).toBe(before);
  });

  it("an integration without a vendor number is refused before any call, naming what is missing", async () => {
    const w = await createSalesWorld({ vendorNumber: null });
    const result = await sync(w);
    expect(result.status).toBe("failed");
    expect(result.error).toMatch(/no vendor number/);
    expect(apple.sim.log.filter((l) => l.endpoint === "asc.salesReports")).toHaveLength(0);
  });

  it("adding the vendor's other app to the project brings its stored days into the project's totals without downloading again", async () => {
    const w = await createSalesWorld();
    await sync(w);
    const sum = async () => (await q<{ d: string }>(`SELECT coalesce(sum(downloads), 0)::text AS d FROM sales_project_days WHERE project_id = $1`, [w.projectId]))[0].d;
    const before = await sum();
    const other = await createApp(w.teamId, w.projectId, { name: "Other", appleAppStoreId: 1480000003n });
    apple.sim.clearLog();
    const result = await sync(w, { days: [] });
    expect(result.counters).toMatchObject({ remappedIdentifiers: 2, daysRebuilt: 3, unmappedIdentifiers: 0 });
    expect(apple.sim.log.filter((l) => l.endpoint === "asc.salesReports")).toHaveLength(0);
    expect(Number(await sum())).toBeGreaterThan(Number(before));
    expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM sales_app_days WHERE app_id = $1`, [other.id]))[0].n).toBeGreaterThan(0);
  });
});

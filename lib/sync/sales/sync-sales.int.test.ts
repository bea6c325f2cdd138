import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/apple/asc/reports/values";
import { db, sqlPool } from "@/lib/db";
import { inlineSteps } from "@/lib/sync/steps";
import { createSalesWorld, LATEST_DAY, NOW, salesSimConfig, startSalesSim, type SalesWorld } from "@/test/sales-world";
import { useConfig } from "@/test/config";
import type { RunningAppleSim } from "@/tools/apple-sim";
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

const sync = (w: SalesWorld, over: Partial<SalesSyncInput> = {}) =>
  syncSalesReports({ projectId: w.projectId, trigger: "manual", steps: inlineSteps, mode: "daily", now: NOW, ...over });

async function q<T extends Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
  return (await sqlPool().query<T>(sql, params)).rows;
}
const files = (w: SalesWorld) => q<{ day: string; status: string; apple_status: number | null; apple_code: string | null; error: string | null; next_attempt_at: Date | null }>(
  `SELECT report_date::text AS day, status::text, apple_status, apple_code, error, next_attempt_at FROM asc_report_files WHERE project_id = $1 AND kind = 'sales' ORDER BY report_date`, [w.projectId]);
/** Every fact and rollup row with its xmin: equal before and after = nothing rewritten. */
const fingerprint = async (w: SalesWorld, day?: string) => {
  const rows = await q<{ t: string }>(
    `SELECT string_agg(x, ',' ORDER BY x) AS t FROM (
       SELECT 'f' || report_date || apple_identifier || country_code || product_type || proceeds_currency || units || ':' || proceeds || '@' || xmin AS x FROM sales_daily_facts WHERE project_id = $1 AND ($2::date IS NULL OR report_date = $2)
       UNION ALL SELECT 'a' || report_date || app_id || proceeds_currency || downloads || proceeds || '@' || xmin FROM sales_app_days WHERE project_id = $1 AND ($2::date IS NULL OR report_date = $2)
       UNION ALL SELECT 'c' || report_date || country_code || proceeds_currency || downloads || '@' || xmin FROM sales_country_days WHERE project_id = $1 AND ($2::date IS NULL OR report_date = $2)
       UNION ALL SELECT 'p' || report_date || proceeds_currency || downloads || '@' || xmin FROM sales_project_days WHERE project_id = $1 AND ($2::date IS NULL OR report_date = $2)) s`,
    [w.projectId, day ?? null],
  );
  return rows[0].t ?? "";
};

describe("sales sync against the simulator", () => {
  it("imports the last 35 days: facts with exact proceeds, in-app purchases under their parent app, unknown apps kept and listed", async () => {
    const w = await createSalesWorld();
    const result = await sync(w);
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ due: 35, done: 35, imported: 35, failed: 0, notAvailableYet: 0, aborted: false, unmappedIdentifiers: 2 });
    expect((await files(w)).every((f) => f.status === "imported")).toBe(true);
    // The tip (IA1, parent SKU breeze.weather) belongs to Breeze Weather; the vendor's third app and its coins map to nothing.
    const ids = await q<{ apple_identifier: string; app_id: string | null; in_app: boolean }>(`SELECT apple_identifier, app_id::text, in_app FROM sales_identifiers WHERE project_id = $1 ORDER BY 1`, [w.projectId]);
    expect(ids).toEqual([
      { apple_identifier: "1480000001", app_id: w.weatherId, in_app: false },
      { apple_identifier: "1480000002", app_id: w.notesId, in_app: false },
      { apple_identifier: "1480000003", app_id: null, in_app: false },
      { apple_identifier: "1480000101", app_id: w.weatherId, in_app: true },
      { apple_identifier: "1480000102", app_id: w.weatherId, in_app: true },
      { apple_identifier: "1480000103", app_id: null, in_app: true },
    ]);
    // Rollups hold exactly the facts of the project's apps; proceeds are exact decimals.
    const [check] = await q<{ facts: string; rollup: string; app_rollup: string; country_rollup: string; unknown: string }>(
      `SELECT (SELECT sum(f.proceeds) FROM sales_daily_facts f JOIN sales_identifiers s USING (project_id, apple_identifier) WHERE f.project_id = $1 AND s.app_id IS NOT NULL)::text AS facts,
              (SELECT sum(proceeds) FROM sales_project_days WHERE project_id = $1)::text AS rollup,
              (SELECT sum(proceeds) FROM sales_app_days WHERE project_id = $1)::text AS app_rollup,
              (SELECT sum(proceeds) FROM sales_country_days WHERE project_id = $1)::text AS country_rollup,
              (SELECT sum(f.units) FROM sales_daily_facts f JOIN sales_identifiers s USING (project_id, apple_identifier) WHERE f.project_id = $1 AND s.app_id IS NULL)::text AS unknown`,
      [w.projectId],
    );
    expect(check.rollup).toBe(check.facts);
    expect(check.app_rollup).toBe(check.facts);
    expect(check.country_rollup).toBe(check.facts);
    expect(Number(check.unknown)).toBeGreaterThan(0);
    expect(check.facts).toMatch(/^\d+\.\d{2,}$/);
    // Refunds (negative units) are in the facts.
    expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM sales_daily_facts WHERE project_id = $1 AND units < 0`, [w.projectId]))[0].n).toBeGreaterThan(0);
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: result.runId! } });
    expect(run).toMatchObject({ kind: "app_store_sales_sync", status: "succeeded", progress: { daysDone: 35, daysTotal: 35 } });
  });

  it("re-imports an unchanged day without rewriting a row (xmin), whether the bytes are the same or only the row order changed", async () => {
    const w = await createSalesWorld();
    await sync(w, { days: [LATEST_DAY, addDays(LATEST_DAY, -1)] });
    const before = await fingerprint(w);
    const same = await sync(w, { days: [LATEST_DAY, addDays(LATEST_DAY, -1)] });
    expect(same.counters).toMatchObject({ unchanged: 2, imported: 0, rowsInserted: 0, rowsUpdated: 0, rowsDeleted: 0 });
    apple.sim.reports.update({ behaviours: { shuffleRows: true } });
    const shuffled = await sync(w, { days: [LATEST_DAY, addDays(LATEST_DAY, -1)] });
    expect(shuffled.counters).toMatchObject({ imported: 2, unchanged: 0, rowsInserted: 0, rowsUpdated: 0, rowsDeleted: 0 });
    expect(await fingerprint(w)).toBe(before);
  });

  it("days imported side by side, each naming the vendor's identifiers in its own order, all commit (no deadlock on the identifiers they share)", async () => {
    const w = await createSalesWorld();
    // Every download lists its rows in another order, so two files in flight meet the same identifiers in different orders.
    apple.sim.reports.update({ behaviours: { shuffleRows: true } });
    const result = await sync(w, { mode: "backfill", concurrency: 6, days: Array.from({ length: 60 }, (_, i) => addDays(LATEST_DAY, -i)) });
    expect(result.error).toBeNull();
    expect(result.counters).toMatchObject({ due: 60, imported: 60, failed: 0 });
  });

  it("re-imports a day whose figures Apple changed: facts replaced, and every rollup again equals the facts of the project's apps", async () => {
    const w = await createSalesWorld();
    const days = [LATEST_DAY, addDays(LATEST_DAY, -1)];
    await sync(w, { days });
    apple.sim.reports.update({ seed: 12 });
    const changed = await sync(w, { days });
    const c = changed.counters as { imported: number; rowsInserted: number; rowsUpdated: number; rowsDeleted: number };
    expect(c.imported).toBe(2);
    expect(c.rowsInserted + c.rowsUpdated + c.rowsDeleted).toBeGreaterThan(0);
    const [sums] = await q<{ facts: string; project: string; app: string; country: string; downloads: string; app_downloads: string }>(
      `SELECT (SELECT sum(f.proceeds) FROM sales_daily_facts f JOIN sales_identifiers s USING (project_id, apple_identifier) WHERE f.project_id = $1 AND s.app_id IS NOT NULL)::text AS facts,
              (SELECT sum(proceeds) FROM sales_project_days WHERE project_id = $1)::text AS project,
              (SELECT sum(proceeds) FROM sales_app_days WHERE project_id = $1)::text AS app,
              (SELECT sum(proceeds) FROM sales_country_days WHERE project_id = $1)::text AS country,
              (SELECT sum(f.units) FROM sales_daily_facts f JOIN sales_identifiers s USING (project_id, apple_identifier) WHERE f.project_id = $1 AND s.app_id IS NOT NULL AND f.product_type IN ('1', '1F', '1T'))::text AS downloads,
              (SELECT sum(downloads) FROM sales_app_days WHERE project_id = $1)::text AS app_downloads`,
      [w.projectId],
    );
    expect([sums.project, sums.app, sums.country]).toEqual([sums.facts, sums.facts, sums.facts]);
    expect(sums.app_downloads).toBe(sums.downloads);
  });
});

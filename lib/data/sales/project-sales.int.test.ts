// The "Downloads & revenue" reads over days the sales sync stored from the simulator: totals equal the facts of the
// project's own apps, a day Apple has not published is pending (never zero), proceeds stay per currency and exact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/apple/asc/reports/values";
import type { ProjectAccess } from "@/lib/auth/access";
import { sqlPool } from "@/lib/db";
import { syncSalesReports } from "@/lib/sync/sales/sync-sales";
import { inlineSteps } from "@/lib/sync/steps";
import { createSalesWorld, LATEST_DAY, NOW, salesSimConfig, startSalesSim, type SalesWorld } from "@/test/sales-world";
import { withConfig } from "@/lib/env";
import type { RunningAppleSim } from "@/tools/apple-sim";
import { projectSalesByCountry, projectSalesDaily } from "./project-sales";

let apple: RunningAppleSim;
let w: SalesWorld;
let ctx: ProjectAccess;
const D0 = LATEST_DAY;
const D1 = addDays(LATEST_DAY, -1);
const D2 = addDays(LATEST_DAY, -2);

beforeAll(async () => {
  apple = await startSalesSim();
  w = await createSalesWorld();
  ctx = { caller: { kind: "user", userId: "reader" }, actorUserId: null, level: "project", teamId: w.teamId, projectId: w.projectId, role: "owner", permissions: new Set() };
  apple.sim.addFault({ endpoint: "asc.salesReports", kind: "not_available_yet", date: D0 });
  apple.sim.reports.update({ noSalesDays: [D2] });
  await withConfig(salesSimConfig(apple), () =>
    syncSalesReports({ projectId: w.projectId, trigger: "manual", steps: inlineSteps, mode: "daily", now: NOW, days: [D0, D1, D2, addDays(D0, -3)] }),
  );
});
afterAll(() => apple.stop());

const sumOfFacts = async (day: string, buckets: string[]) =>
  (await sqlPool().query<{ n: string }>(
    `SELECT coalesce(sum(f.units), 0)::text AS n FROM sales_daily_facts f JOIN sales_identifiers i ON i.project_id = f.project_id AND i.apple_identifier = f.apple_identifier
     WHERE f.project_id = $1 AND f.report_date = $2 AND i.app_id IS NOT NULL AND f.product_type = ANY($3)`, [w.projectId, day, buckets])).rows[0].n;

describe("project sales reads", () => {
  it("by day: every day of the range, pending and no-sales days told apart from zero, downloads equal to the facts of the project's apps", async () => {
    const days = await projectSalesDaily(ctx, { from: addDays(D0, -4), to: D0 });
    expect(days.map((d) => [d.date, d.state])).toEqual([
      [addDays(D0, -4), "pending"],
      [addDays(D0, -3), "imported"],
      [D2, "no_sales"],
      [D1, "imported"],
      [D0, "pending"],
    ]);
    const d1 = days.find((d) => d.date === D1)!;
    expect(Number(d1.downloads)).toBeGreaterThan(0);
    expect(d1.downloads).toBe(await sumOfFacts(D1, ["1", "1F", "1T"]));
    expect(new Set(d1.proceeds.map((p) => p.currency)).size).toBeGreaterThan(1);
    expect(d1.proceeds.every((p) => /^-?\d+(\.\d+)?$/.test(p.amount))).toBe(true);
  });

  it("by country: sums over the range equal the day rows, most downloads first, another team sees nothing", async () => {
    const countries = await projectSalesByCountry(ctx, { from: D1, to: D1 });
    const day = (await projectSalesDaily(ctx, { from: D1, to: D1 }))[0];
    expect(countries.reduce((s, c) => s + Number(c.downloads), 0).toFixed(2)).toBe(Number(day.downloads).toFixed(2));
    const downloads = countries.map((c) => Number(c.downloads));
    expect(downloads).toEqual([...downloads].sort((a, b) => b - a));
    const other = await createSalesWorld();
    expect(await projectSalesByCountry({ ...ctx, teamId: other.teamId }, { from: D1, to: D1 })).toEqual([]);
  });
});

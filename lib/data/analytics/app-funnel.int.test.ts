import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppAccess } from "@/lib/auth/access";
import { addDays } from "@/lib/apple/asc/reports/values";
import { sqlPool } from "@/lib/db";
import { withConfig } from "@/lib/env";
import { syncAnalytics } from "@/lib/sync/analytics/sync-analytics";
import { inlineSteps } from "@/lib/sync/steps";
import { analyticsSimConfig, createAnalyticsWorld, LATEST, NOW, startAnalyticsSim, type AnalyticsWorld } from "@/test/analytics-world";
import type { RunningAppleSim } from "@/tools/apple-sim";
import { appFunnelDaily } from "./app-funnel";

let apple: RunningAppleSim;
let w: AnalyticsWorld;
let ctx: AppAccess;
const GAP = addDays(LATEST, -4);

beforeAll(async () => {
  apple = await startAnalyticsSim();
  apple.sim.analytics.update({ neverPublished: [GAP] });
  w = await createAnalyticsWorld({ apps: 1 });
  ctx = { caller: { kind: "user", userId: "reader" }, actorUserId: null, level: "app", teamId: w.teamId, projectId: w.projectId, appId: w.weatherId, role: "owner", permissions: new Set() };
  await withConfig(analyticsSimConfig(apple), () => syncAnalytics({ projectId: w.projectId, trigger: "manual", steps: inlineSteps, now: NOW, snapshot: false }));
});
afterAll(() => apple.stop());

const stored = async (report: string, metric: string, day: string) =>
  Number((await sqlPool().query<{ n: string }>(`SELECT sum(value)::text AS n FROM analytics_daily_metrics WHERE app_id = $1 AND report = $2 AND metric = $3 AND day = $4`, [w.weatherId, report, metric, day])).rows[0].n);

describe("an app's funnel per day", () => {
  it("sums the stored metrics per day, shows a gap as a gap with no numbers, days before the data as none, and the conversion rate", async () => {
    const from = addDays(LATEST, -12);
    const days = await appFunnelDaily(ctx, { from, to: addDays(LATEST, -1) });
    expect(days).toHaveLength(12);
    expect(days[0]).toEqual({ date: from, state: "none", impressions: null, impressionsUnique: null, pageViews: null, firstTimeDownloads: null, redownloads: null, conversionRate: null });
    expect(days.find((d) => d.date === GAP)).toMatchObject({ state: "gap", impressions: null, firstTimeDownloads: null, conversionRate: null });
    const day = addDays(LATEST, -3);
    const d = days.find((x) => x.date === day)!;
    expect(d).toMatchObject({
      state: "imported",
      impressions: await stored("engagement", "impressions", day),
      impressionsUnique: await stored("engagement", "impressions_unique", day),
      pageViews: await stored("engagement", "page_views", day),
      firstTimeDownloads: await stored("downloads", "first_time_downloads", day),
      redownloads: await stored("downloads", "redownloads", day),
    });
    expect(d.conversionRate).toBeCloseTo((d.firstTimeDownloads! + d.redownloads!) / d.impressionsUnique!, 10);
    expect(d.impressions).toBeGreaterThan(0);
  });

  it("reads nothing of an app in another team", async () => {
    const days = await appFunnelDaily({ ...ctx, teamId: "00000000-0000-4000-8000-000000000000" }, { from: addDays(LATEST, -3), to: addDays(LATEST, -3) });
    expect(days).toEqual([{ date: addDays(LATEST, -3), state: "none", impressions: null, impressionsUnique: null, pageViews: null, firstTimeDownloads: null, redownloads: null, conversionRate: null }]);
  });
});

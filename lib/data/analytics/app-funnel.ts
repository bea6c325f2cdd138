import "server-only";
// One app's acquisition funnel per day: impressions → product page views → downloads (first-time and
// redownloads), with the day's coverage. A day Apple did not publish is a gap and one not published yet is
// pending: their values are null, never zero. Conversion is downloads ÷ unique impressions, the approximation
// apple-reports.md §2.8 describes (Unique Counts are summed within territory × source × page × device only).
import type { AppAccess } from "@/lib/auth/access";
import { db } from "@/lib/db";

export type AnalyticsDayState = "imported" | "gap" | "pending" | "none";

export interface FunnelDay {
  date: string;
  state: AnalyticsDayState;
  impressions: number | null;
  impressionsUnique: number | null;
  pageViews: number | null;
  firstTimeDownloads: number | null;
  redownloads: number | null;
  /** (first-time + redownloads) ÷ unique impressions; null without both or with no impressions. */
  conversionRate: number | null;
}

interface Row {
  date: string;
  engagement: string | null;
  downloads: string | null;
  impressions: bigint | null;
  impressions_unique: bigint | null;
  page_views: bigint | null;
  first_time: bigint | null;
  redownloads: bigint | null;
}

const combined = (a: string | null, b: string | null): AnalyticsDayState =>
  a === "imported" && b === "imported" ? "imported" : a === "gap" || b === "gap" ? "gap" : a === "pending" || b === "pending" ? "pending" : a === "imported" || b === "imported" ? "imported" : "none";

/** One entry per day of the range (YYYY-MM-DD, inclusive), oldest first. */
export async function appFunnelDaily(ctx: AppAccess, range: { from: string; to: string }): Promise<FunnelDay[]> {
  const rows = await db.$queryRaw<Row[]>`
    WITH days AS (SELECT d::date AS date FROM generate_series(${range.from}::date, ${range.to}::date, interval '1 day') d),
    sums AS (
      SELECT day,
        sum(value) FILTER (WHERE report = 'engagement' AND metric = 'impressions') AS impressions,
        sum(value) FILTER (WHERE report = 'engagement' AND metric = 'impressions_unique') AS impressions_unique,
        sum(value) FILTER (WHERE report = 'engagement' AND metric = 'page_views') AS page_views,
        sum(value) FILTER (WHERE report = 'downloads' AND metric = 'first_time_downloads') AS first_time,
        sum(value) FILTER (WHERE report = 'downloads' AND metric = 'redownloads') AS redownloads
      FROM analytics_app_days
      WHERE app_id = ${ctx.appId}::uuid AND team_id = ${ctx.teamId}::uuid AND report IN ('engagement', 'downloads') AND day BETWEEN ${range.from}::date AND ${range.to}::date
      GROUP BY day
    )
    SELECT days.date::text AS date, e.status::text AS engagement, dl.status::text AS downloads,
      s.impressions::bigint, s.impressions_unique::bigint, s.page_views::bigint, s.first_time::bigint, s.redownloads::bigint
    FROM days
    LEFT JOIN sums s ON s.day = days.date
    LEFT JOIN analytics_coverage e ON e.app_id = ${ctx.appId}::uuid AND e.team_id = ${ctx.teamId}::uuid AND e.report = 'engagement' AND e.day = days.date
    LEFT JOIN analytics_coverage dl ON dl.app_id = ${ctx.appId}::uuid AND dl.team_id = ${ctx.teamId}::uuid AND dl.report = 'downloads' AND dl.day = days.date
    ORDER BY days.date`;
  return rows.map((r) => {
    const engaged = r.engagement === "imported";
    const downloaded = r.downloads === "imported";
    const num = (v: bigint | null, known: boolean) => (known ? Number(v ?? 0n) : null);
    const first = num(r.first_time, downloaded);
    const re = num(r.redownloads, downloaded);
    const unique = num(r.impressions_unique, engaged);
    return {
      date: r.date,
      state: combined(r.engagement, r.downloads),
      impressions: num(r.impressions, engaged),
      impressionsUnique: unique,
      pageViews: num(r.page_views, engaged),
      firstTimeDownloads: first,
      redownloads: re,
      conversionRate: first !== null && re !== null && unique ? (first + re) / unique : null,
    };
  });
}

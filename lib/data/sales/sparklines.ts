import "server-only";
// The app cards' 30-day downloads: one read of the per-app rollup over the 30 days up to the project's newest day
// that is in, with each day's report state, so a day not yet published is a gap, not a zero.
import type { ProjectAccess } from "@/lib/auth/access";
import { db, Prisma } from "@/lib/db";
import { salesFileOn } from "./sql";
import type { AppDownloadsSparkline } from "./types";

export const SPARKLINE_DAYS = 30;

interface Row {
  date: string;
  settled: boolean;
  app_id: string | null;
  downloads: string | null;
  total: string | null;
}

/** Per app with downloads in the period; empty when the project has no Sales report day yet. */
export async function appDownloadSparklines(ctx: ProjectAccess): Promise<{ to: string | null; apps: AppDownloadsSparkline[] }> {
  const rows = await db.$queryRaw<Row[]>`
    WITH anchor AS (
      SELECT max(report_date) AS d FROM asc_report_files
      WHERE project_id = ${ctx.projectId}::uuid AND team_id = ${ctx.teamId}::uuid AND kind = 'sales' AND frequency = 'DAILY' AND region_code = ''
        AND status IN ('imported', 'no_sales')
    ),
    days AS (SELECT g.d::date AS date FROM anchor, generate_series(anchor.d - ${SPARKLINE_DAYS - 1}::int, anchor.d, interval '1 day') g(d)),
    states AS (SELECT days.date, coalesce(f.status IN ('imported', 'no_sales'), false) AS settled FROM days LEFT JOIN asc_report_files f ON ${salesFileOn(ctx, Prisma.sql`days.date`)}),
    per_app AS (
      SELECT app_id, report_date, sum(downloads) AS downloads FROM sales_app_days, anchor
      WHERE project_id = ${ctx.projectId}::uuid AND team_id = ${ctx.teamId}::uuid AND report_date BETWEEN anchor.d - ${SPARKLINE_DAYS - 1}::int AND anchor.d
      GROUP BY app_id, report_date
    )
    SELECT s.date::text AS date, s.settled, p.app_id, trim_scale(p.downloads)::text AS downloads, trim_scale(sum(p.downloads) OVER (PARTITION BY p.app_id))::text AS total
    FROM states s LEFT JOIN per_app p ON p.report_date = s.date
    ORDER BY s.date`;
  if (rows.length === 0) return { to: null, apps: [] };
  const dates = [...new Set(rows.map((r) => r.date))];
  const settled = new Map(rows.map((r) => [r.date, r.settled]));
  const byApp = new Map<string, { total: string; perDay: Map<string, number> }>();
  for (const r of rows) {
    if (!r.app_id || r.downloads === null) continue;
    const app = byApp.get(r.app_id) ?? { total: r.total ?? "0", perDay: new Map<string, number>() };
    app.perDay.set(r.date, Number(r.downloads));
    byApp.set(r.app_id, app);
  }
  return {
    to: dates.at(-1) ?? null,
    apps: [...byApp].map(([appId, app]) => ({
      appId,
      downloads: app.total,
      points: dates.map((d) => (settled.get(d) ? (app.perDay.get(d) ?? 0) : null)),
    })),
  };
}

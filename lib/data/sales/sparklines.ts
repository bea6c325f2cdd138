import "server-only";
// The app cards' 30-day downloads: one read of the per-app rollup over the 30 days up to the project's newest day
// that is in, with each day's report state, so a day not yet published is a gap, not a zero.
import type { ProjectAccess } from "@/lib/auth/access";
import { db, Prisma } from "@/lib/db";
import { salesFileOn } from "./sql";
import type { AppDownloadsSparkline } from "./types";

export const SPARKLINE_DAYS = 30;

interface Row {
  app_id: string;
  total: string;
  per_day: Record<string, number>;
  /** The period's days, oldest first, with whether each is in: the same on every row. */
  days: [string, boolean][];
}

/** Per app with downloads in the period; empty when the project has no Sales report day yet. */
export async function appDownloadSparklines(ctx: ProjectAccess): Promise<{ to: string | null; apps: AppDownloadsSparkline[] }> {
  // One row per app (not per app and day): the rows, not the SQL, are what a page of 60 apps waits for.
  const rows = await db.$queryRaw<Row[]>`
    WITH anchor AS (
      SELECT max(report_date) AS d FROM asc_report_files
      WHERE project_id = ${ctx.projectId}::uuid AND team_id = ${ctx.teamId}::uuid AND kind = 'sales' AND frequency = 'DAILY' AND region_code = ''
        AND status IN ('imported', 'no_sales')
    ),
    days AS (
      SELECT g.d::date AS date, coalesce(f.status IN ('imported', 'no_sales'), false) AS settled
      FROM anchor CROSS JOIN generate_series(anchor.d - ${SPARKLINE_DAYS - 1}::int, anchor.d, interval '1 day') g(d)
      LEFT JOIN asc_report_files f ON ${salesFileOn(ctx, Prisma.sql`g.d::date`)}
    ),
    per_day AS (
      SELECT app_id, report_date, sum(downloads) AS downloads FROM sales_app_days
      WHERE project_id = ${ctx.projectId}::uuid AND team_id = ${ctx.teamId}::uuid
        AND report_date BETWEEN (SELECT d FROM anchor) - ${SPARKLINE_DAYS - 1}::int AND (SELECT d FROM anchor)
      GROUP BY app_id, report_date
    )
    SELECT app_id, trim_scale(sum(downloads))::text AS total, json_object_agg(report_date, downloads) AS per_day,
      (SELECT json_agg(json_build_array(date, settled) ORDER BY date) FROM days) AS days
    FROM per_day GROUP BY app_id`;
  if (rows.length === 0) return { to: null, apps: [] };
  const days = rows[0].days;
  return {
    to: days.at(-1)?.[0] ?? null,
    apps: rows.map((r) => ({
      appId: r.app_id,
      downloads: r.total,
      points: days.map(([date, settled]) => (settled ? Number(r.per_day[date] ?? 0) : null)),
    })),
  };
}

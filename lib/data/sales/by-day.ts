import "server-only";
// Downloads and proceeds per day of a range, for a project or one of its apps, each day with its report state: a
// day Apple has not published has no figures (pending), never zeros.
import type { ProjectAccess } from "@/lib/auth/access";
import { db, Prisma } from "@/lib/db";
import { dayStateOf, figuresCtes, figuresOf, fxCtes, rollupSource, salesFileOn, type FigureRow } from "./sql";
import { isSettled, type SalesDay, type SalesRange } from "./types";

interface DayRow extends FigureRow {
  date: string;
  file_status: string | null;
}

/** One entry per day of the range, oldest first. `appId`: one app of the project (the caller checked it is). */
export async function salesByDay(ctx: ProjectAccess, range: SalesRange, teamCurrency: string | null, appId: string | null = null): Promise<SalesDay[]> {
  const rows = await db.$queryRaw<DayRow[]>`
    WITH ${fxCtes(ctx)},
    ${rollupSource(ctx, range, appId ? { appId } : "project")},
    ${figuresCtes(ctx, ["report_date"])}
    SELECT days.d::date::text AS date, f.status::text AS file_status, s.downloads, s.redownloads, s.updates, s.in_app_purchases, s.subscriptions,
      s.proceeds, s.converted, s.estimate, s.missing_rates
    FROM generate_series(${range.from}::date, ${range.to}::date, interval '1 day') days(d)
    LEFT JOIN figures s ON s.report_date = days.d::date
    LEFT JOIN asc_report_files f ON ${salesFileOn(ctx, Prisma.sql`days.d::date`)}
    ORDER BY days.d`;
  return rows.map((r) => {
    const state = dayStateOf(r.file_status);
    // A stored day whose re-download failed stays "imported" on its file row, so "failed" means nothing stored.
    return { date: r.date, state, figures: isSettled(state) ? figuresOf(r, teamCurrency) : null };
  });
}

import "server-only";
// What the project holds of Apple's daily Sales reports and monthly Finance reports: per state, from the report-file
// rows (asc_report_files), so progress and gaps read the same during a backfill and long after it.
import type { ProjectAccess } from "@/lib/auth/access";
import { sqlPool } from "@/lib/db";

export interface SalesCoverage {
  /** The days looked at: everything Apple still keeps, up to the newest published day. */
  from: string;
  to: string;
  days: number;
  /** Stored: a file imported, or Apple's answer that nothing was sold that day (a real zero). */
  imported: number;
  noSales: number;
  /** Apple has not published the day yet: asked again later, never a zero. */
  pending: number;
  /** The file could not be read or Apple refused it: asked again later. */
  failed: number;
  /** Beyond Apple's retention when asked. */
  unavailable: number;
  /** Never asked for yet. */
  notAsked: number;
}

export interface FinanceCoverage {
  months: number;
  imported: number;
  /** Final answers without a file: no sales in the month, or beyond Apple's retention. */
  noReport: number;
  /** Not published yet, or answered "no sales" while it may still come: asked again. */
  pending: number;
  failed: number;
  notAsked: number;
}

export async function salesCoverage(ctx: Pick<ProjectAccess, "teamId" | "projectId">, window: { from: string; to: string }): Promise<SalesCoverage> {
  const { rows } = await sqlPool().query<{ days: number; imported: number; no_sales: number; pending: number; failed: number; unavailable: number }>(
    `SELECT count(*)::int AS days,
       count(*) FILTER (WHERE r.status = 'imported')::int AS imported,
       count(*) FILTER (WHERE r.status = 'no_sales')::int AS no_sales,
       count(*) FILTER (WHERE r.status = 'not_available_yet')::int AS pending,
       count(*) FILTER (WHERE r.status = 'failed')::int AS failed,
       count(*) FILTER (WHERE r.status = 'unavailable')::int AS unavailable
     FROM generate_series($3::date, $4::date, interval '1 day') AS d
     LEFT JOIN asc_report_files r ON r.project_id = $1::uuid AND r.team_id = $2::uuid AND r.kind = 'sales' AND r.frequency = 'DAILY'
       AND r.region_code = '' AND r.report_date = d::date`,
    [ctx.projectId, ctx.teamId, window.from, window.to],
  );
  const c = rows[0];
  return {
    ...window,
    days: c.days,
    imported: c.imported,
    noSales: c.no_sales,
    pending: c.pending,
    failed: c.failed,
    unavailable: c.unavailable,
    notAsked: c.days - c.imported - c.no_sales - c.pending - c.failed - c.unavailable,
  };
}

/** The fiscal months given by their first days (the ones the finance sync looks after). */
export async function financeCoverage(ctx: Pick<ProjectAccess, "teamId" | "projectId">, monthStarts: readonly string[]): Promise<FinanceCoverage> {
  const { rows } = await sqlPool().query<{ imported: number; no_report: number; pending: number; failed: number; asked: number }>(
    `SELECT count(r.id) FILTER (WHERE r.status = 'imported')::int AS imported,
       count(r.id) FILTER (WHERE r.status IN ('no_sales', 'unavailable') AND r.next_attempt_at IS NULL)::int AS no_report,
       count(r.id) FILTER (WHERE r.status IN ('not_available_yet', 'no_sales') AND r.next_attempt_at IS NOT NULL)::int AS pending,
       count(r.id) FILTER (WHERE r.status = 'failed')::int AS failed,
       count(r.id)::int AS asked
     FROM unnest($3::date[]) AS m(start)
     LEFT JOIN asc_report_files r ON r.project_id = $1::uuid AND r.team_id = $2::uuid AND r.kind = 'finance' AND r.frequency = 'MONTHLY'
       AND r.region_code = 'ZZ' AND r.report_date = m.start`,
    [ctx.projectId, ctx.teamId, monthStarts],
  );
  const c = rows[0];
  return { months: monthStarts.length, imported: c.imported, noReport: c.no_report, pending: c.pending, failed: c.failed, notAsked: monthStarts.length - c.asked };
}

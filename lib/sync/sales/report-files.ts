import "server-only";
// asc_report_files: what was asked of Apple for each report and day (or fiscal month), and what came of it.
// An imported file stays imported: a later "not available", failure or refusal for it is noted on the row but
// never hides data already stored.
import type pg from "pg";
import { sqlPool } from "@/lib/db";

export type ReportFileStatus = "imported" | "no_sales" | "not_available_yet" | "unavailable" | "failed";

export interface ReportFileKey {
  teamId: string;
  projectId: string;
  kind: "sales" | "finance";
  reportType: string;
  reportSubType: string;
  frequency: string;
  regionCode: string;
  /** YYYY-MM-DD */
  reportDate: string;
  requestLabel: string;
}

export interface ReportFileOutcome {
  status: ReportFileStatus;
  periodEnd?: string | null;
  checksum?: string | null;
  rows?: number;
  rowsWritten?: number;
  unknownColumns?: string[];
  appleStatus?: number | null;
  appleCode?: string | null;
  error?: string | null;
  /** When to ask again (not available yet, failed); null = no retry planned. */
  nextAttemptAt?: string | null;
  syncRunId?: string | null;
}

export const salesFileKey = (target: { teamId: string; projectId: string }, day: string): ReportFileKey => ({
  ...target,
  kind: "sales",
  reportType: "SALES",
  reportSubType: "SUMMARY",
  frequency: "DAILY",
  regionCode: "",
  reportDate: day,
  requestLabel: day,
});

/** Upserts the file row for an attempt. An imported row keeps its status and data unless this attempt imported again. */
export async function recordReportFile(client: pg.PoolClient | pg.Pool, key: ReportFileKey, o: ReportFileOutcome): Promise<void> {
  await client.query(
    `INSERT INTO asc_report_files AS r (team_id, project_id, kind, report_type, report_sub_type, frequency, region_code, report_date, request_label,
       status, period_end, checksum, rows, rows_written, unknown_columns, apple_status, apple_code, error, attempts, last_attempt_at,
       next_attempt_at, imported_at, sync_run_id)
     VALUES ($1::uuid, $2::uuid, $3::asc_report_kind, $4, $5, $6, $7, $8::date, $9, $10::asc_report_file_status, $11::date, $12, $13, $14, $15::text[],
       $16, $17, $18, 1, now(), $19::timestamptz, CASE WHEN $10 = 'imported' THEN now() END, $20::uuid)
     ON CONFLICT (project_id, kind, frequency, region_code, report_date) DO UPDATE SET
       attempts = r.attempts + 1,
       last_attempt_at = now(),
       request_label = excluded.request_label,
       sync_run_id = excluded.sync_run_id,
       apple_status = excluded.apple_status,
       apple_code = excluded.apple_code,
       error = excluded.error,
       next_attempt_at = CASE WHEN r.status = 'imported' AND excluded.status <> 'imported' THEN NULL ELSE excluded.next_attempt_at END,
       status = CASE WHEN r.status = 'imported' AND excluded.status <> 'imported' THEN r.status ELSE excluded.status END,
       period_end = CASE WHEN excluded.status = 'imported' THEN excluded.period_end ELSE r.period_end END,
       checksum = CASE WHEN excluded.status = 'imported' THEN excluded.checksum ELSE r.checksum END,
       rows = CASE WHEN excluded.status = 'imported' THEN excluded.rows ELSE r.rows END,
       rows_written = CASE WHEN excluded.status = 'imported' THEN excluded.rows_written ELSE r.rows_written END,
       unknown_columns = CASE WHEN excluded.status = 'imported' THEN excluded.unknown_columns ELSE r.unknown_columns END,
       imported_at = CASE WHEN excluded.status = 'imported' THEN now() ELSE r.imported_at END,
       updated_at = now()`,
    [
      key.teamId, key.projectId, key.kind, key.reportType, key.reportSubType, key.frequency, key.regionCode, key.reportDate, key.requestLabel,
      o.status, o.periodEnd ?? null, o.checksum ?? null, o.rows ?? 0, o.rowsWritten ?? 0, o.unknownColumns ?? [], o.appleStatus ?? null,
      o.appleCode ?? null, o.error ?? null, o.nextAttemptAt ?? null, o.syncRunId ?? null,
    ],
  );
}

/**
 * The scheduled checks (hourly for sales, daily for finance) queue runs that start seconds to minutes after the check.
 * A retry planned one interval after such a run started would come just after the next check and wait for the one
 * after it: it is planned this much earlier, so the next check asks again.
 */
const CHECK_SLACK_MS = 10 * 60_000;

/** When to ask again for a file: at the scheduled check `intervalMs` after this run's. */
export function retryAfter(now: Date, intervalMs: number): string {
  return new Date(now.getTime() + intervalMs - CHECK_SLACK_MS).toISOString();
}

/** The stored checksum of an imported file, if any. */
export async function importedChecksum(client: pg.PoolClient | pg.Pool, key: Pick<ReportFileKey, "projectId" | "kind" | "frequency" | "regionCode" | "reportDate">): Promise<string | null> {
  const { rows } = await client.query<{ checksum: string | null }>(
    `SELECT checksum FROM asc_report_files WHERE project_id = $1::uuid AND kind = $2::asc_report_kind AND frequency = $3 AND region_code = $4 AND report_date = $5::date AND status = 'imported'`,
    [key.projectId, key.kind, key.frequency, key.regionCode, key.reportDate],
  );
  return rows[0]?.checksum ?? null;
}

/**
 * Days in [from, to] whose daily SALES report should be asked for now: never asked, or not available yet / failed
 * and due again (`ignoreSchedule`: whenever they are not final — a backfill or a manual run).
 */
export async function dueSalesDays(target: { projectId: string }, from: string, to: string, now: Date, ignoreSchedule: boolean): Promise<string[]> {
  const { rows } = await sqlPool().query<{ day: string }>(
    `SELECT d::date::text AS day
     FROM generate_series($2::date, $3::date, interval '1 day') AS d
     LEFT JOIN asc_report_files r ON r.project_id = $1::uuid AND r.kind = 'sales' AND r.frequency = 'DAILY' AND r.region_code = '' AND r.report_date = d::date
     WHERE r.id IS NULL
       OR (r.status IN ('not_available_yet', 'failed') AND ($5::boolean OR r.next_attempt_at IS NULL OR r.next_attempt_at <= $4::timestamptz))
     ORDER BY d DESC`,
    [target.projectId, from, to, now.toISOString(), ignoreSchedule],
  );
  return rows.map((r) => r.day);
}

/**
 * The fiscal months (first days, as given in `starts`) of each project whose FINANCIAL (ZZ) report should be asked
 * for now: never asked, or a retry planned and due (`ignoreSchedule`: whenever one is planned — a manual run).
 * Finance answers are final only when no retry is planned (next_attempt_at NULL).
 */
export async function dueFinanceMonthsOf(projectIds: readonly string[], starts: readonly string[], now: Date, ignoreSchedule: boolean): Promise<{ projectId: string; start: string }[]> {
  if (projectIds.length === 0 || starts.length === 0) return [];
  const { rows } = await sqlPool().query<{ project_id: string; start: string }>(
    `SELECT p.id::text AS project_id, m.start::text AS start
     FROM unnest($1::uuid[]) AS p(id)
     CROSS JOIN unnest($2::date[]) WITH ORDINALITY AS m(start, n)
     LEFT JOIN asc_report_files r ON r.project_id = p.id AND r.kind = 'finance' AND r.frequency = 'MONTHLY' AND r.region_code = 'ZZ' AND r.report_date = m.start
     WHERE r.id IS NULL OR (r.status <> 'imported' AND r.next_attempt_at IS NOT NULL AND ($4::boolean OR r.next_attempt_at <= $3::timestamptz))
     ORDER BY p.id, m.n`,
    [projectIds, starts, now.toISOString(), ignoreSchedule],
  );
  return rows.map((r) => ({ projectId: r.project_id, start: r.start }));
}

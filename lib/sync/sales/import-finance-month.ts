import "server-only";
// One fiscal month's FINANCIAL report (all regions, ZZ) into the database in one transaction: proceeds per Apple
// Identifier, country and currency, and the month's exchange rates to the payout currency. Filed under the period
// the file itself states, so a reportDate read the other way (UNCONFIRMED, see fiscal-calendar.ts) never misfiles it.
import { from as copyFrom } from "pg-copy-streams";
import { AscError } from "@/lib/apple/asc";
import {
  FinanceRowMapper,
  readingOf,
  readReport,
  reportDateLabel,
  ReportBodyError,
  ReportHeaderError,
  ReportValueError,
  type FinanceDateReading,
  type FiscalMonth,
  type ReportsClient,
} from "@/lib/apple/asc/reports";
import { sqlPool } from "@/lib/db";
import { appleFailure, type DayFailure } from "./import-sales-day";
import { addDays } from "@/lib/apple/asc/reports/values";
import { importedChecksum, recordReportFile, retryAfter, type ReportFileKey, type ReportFileStatus } from "./report-files";

export interface MonthResult {
  /** The fiscal month asked for (its first day). */
  day: string;
  status: ReportFileStatus;
  unchanged: boolean;
  rows: number;
  inserted: number;
  updated: number;
  deleted: number;
  rates: number;
  unknownColumns: string[];
  /** The file states another period than the month asked for: the reading that explains it, if any. */
  mismatch: { periodStart: string; reading: FinanceDateReading | null } | null;
  failure: DayFailure | null;
}

/**
 * Apple publishes a fiscal month's report by the end of the next fiscal month (at most five weeks later). Until then
 * a 404 — whatever its wording, "no sales" included (apple-reports.md §4.3) — may mean "not yet": asked again daily.
 */
export const FINANCE_PUBLISHED_WITHIN_DAYS = 42;
const DAY_MS = 86_400_000;

const financeKey = (target: { teamId: string; projectId: string }, start: string, label: string): ReportFileKey => ({
  ...target, kind: "finance", reportType: "FINANCIAL", reportSubType: "", frequency: "MONTHLY", regionCode: "ZZ", reportDate: start, requestLabel: label,
});

const STAGE = `CREATE TEMP TABLE IF NOT EXISTS finance_stage (
  apple_identifier text NOT NULL, country_code text NOT NULL, currency text NOT NULL, quantity numeric NOT NULL, proceeds numeric NOT NULL) ON COMMIT DELETE ROWS`;

const MERGE = `
  WITH agg AS (
    SELECT apple_identifier, country_code, currency, sum(quantity) AS quantity, sum(proceeds) AS proceeds FROM pg_temp.finance_stage GROUP BY 1, 2, 3
  ),
  up AS (
    INSERT INTO finance_monthly_proceeds AS f (project_id, period_start, apple_identifier, country_code, currency, team_id, period_end, quantity, proceeds)
    SELECT $1::uuid, $2::date, apple_identifier, country_code, currency, $3::uuid, $4::date, quantity, proceeds FROM agg
    ON CONFLICT (project_id, period_start, apple_identifier, country_code, currency) DO UPDATE SET quantity = excluded.quantity, proceeds = excluded.proceeds, period_end = excluded.period_end
    WHERE (f.quantity, f.proceeds, f.period_end) IS DISTINCT FROM (excluded.quantity, excluded.proceeds, excluded.period_end)
    RETURNING (xmax = 0) AS inserted
  ),
  gone AS (
    DELETE FROM finance_monthly_proceeds f WHERE f.project_id = $1::uuid AND f.period_start = $2::date
      AND NOT EXISTS (SELECT 1 FROM agg a WHERE a.apple_identifier = f.apple_identifier AND a.country_code = f.country_code AND a.currency = f.currency)
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM up WHERE inserted)::int AS inserted, (SELECT count(*) FROM up WHERE NOT inserted)::int AS updated, (SELECT count(*) FROM gone)::int AS deleted`;

const RATES = `
  WITH r AS (SELECT * FROM json_to_recordset($5::json) AS r(currency text, rate numeric, payout_currency text)),
  up AS (
    INSERT INTO finance_exchange_rates AS x (project_id, period_start, currency, team_id, period_end, payout_currency, rate)
    SELECT $1::uuid, $2::date, currency, $3::uuid, $4::date, payout_currency, rate FROM r
    ON CONFLICT (project_id, period_start, currency) DO UPDATE SET rate = excluded.rate, payout_currency = excluded.payout_currency, period_end = excluded.period_end
    WHERE (x.rate, x.payout_currency, x.period_end) IS DISTINCT FROM (excluded.rate, excluded.payout_currency, excluded.period_end)
    RETURNING 1
  ),
  gone AS (
    DELETE FROM finance_exchange_rates x WHERE x.project_id = $1::uuid AND x.period_start = $2::date AND NOT EXISTS (SELECT 1 FROM r WHERE r.currency = x.currency)
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM up)::int + (SELECT count(*) FROM gone)::int AS written`;

function empty(day: string, status: ReportFileStatus): MonthResult {
  return { day, status, unchanged: false, rows: 0, inserted: 0, updated: 0, deleted: 0, rates: 0, unknownColumns: [], mismatch: null, failure: null };
}

export async function importFinanceMonth(
  client: ReportsClient,
  target: { teamId: string; projectId: string; vendorNumber: string; runId: string | null },
  month: FiscalMonth,
  reading: FinanceDateReading,
  now: Date,
): Promise<MonthResult> {
  const label = reportDateLabel(month, reading);
  const key = financeKey(target, month.start, label);
  const pool = sqlPool();
  const retryAt = retryAfter(now, DAY_MS);
  const mayStillCome = addDays(month.end, FINANCE_PUBLISHED_WITHIN_DAYS) > now.toISOString().slice(0, 10);
  let answer: Awaited<ReturnType<ReportsClient["financeReport"]>>;
  try {
    answer = await client.financeReport({ vendorNumber: target.vendorNumber, reportType: "FINANCIAL", regionCode: "ZZ", reportDate: label });
  } catch (error) {
    if (!(error instanceof AscError)) throw error;
    const failure = appleFailure(error, "finance");
    await recordReportFile(pool, key, { status: "failed", appleStatus: error.status, appleCode: error.code, error: `${failure.detail ?? ""} — ${failure.hint}`, nextAttemptAt: retryAt, syncRunId: target.runId });
    return { ...empty(month.start, "failed"), failure };
  }
  if (answer.kind !== "file") {
    await recordReportFile(pool, key, { status: answer.kind, appleStatus: answer.status, appleCode: answer.code, error: answer.detail, nextAttemptAt: answer.kind === "not_available_yet" || (answer.kind === "no_sales" && mayStillCome) ? retryAt : null, syncRunId: target.runId });
    return empty(month.start, answer.kind);
  }
  const conn = await pool.connect();
  let copying = false;
  try {
    await conn.query("BEGIN");
    await conn.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`finance:${target.projectId}`]);
    await conn.query(STAGE);
    const mapper = new FinanceRowMapper();
    copying = true;
    const read = await readReport(answer.body, mapper.onRecord, conn.query(copyFrom("COPY pg_temp.finance_stage (apple_identifier, country_code, currency, quantity, proceeds) FROM STDIN")));
    copying = false;
    const s = mapper.summary();
    const periodStart = s.periodStart ?? month.start;
    const periodEnd = s.periodEnd ?? month.end;
    const mismatch = periodStart < month.start || periodStart > month.end ? { periodStart, reading: readingOf(label, periodStart) } : null;
    const fileKey = { ...key, reportDate: periodStart };
    const base = { ...empty(month.start, "imported" as const), rows: s.rows, unknownColumns: s.unknownColumns, mismatch };
    if ((await importedChecksum(conn, fileKey)) === read.checksum) {
      await conn.query("ROLLBACK");
      conn.release();
      await recordReportFile(pool, fileKey, { status: "imported", periodEnd, checksum: read.checksum, rows: s.rows, unknownColumns: s.unknownColumns, syncRunId: target.runId });
      return { ...base, unchanged: true };
    }
    const facts = (await conn.query<{ inserted: number; updated: number; deleted: number }>(MERGE, [target.projectId, periodStart, target.teamId, periodEnd])).rows[0];
    const rates = (await conn.query<{ written: number }>(RATES, [target.projectId, periodStart, target.teamId, periodEnd, JSON.stringify(s.rates.map((r) => ({ currency: r.currency, rate: r.rate, payout_currency: r.payoutCurrency })))])).rows[0].written;
    await recordReportFile(conn, fileKey, { status: "imported", periodEnd, checksum: read.checksum, rows: s.rows, rowsWritten: facts.inserted + facts.updated + facts.deleted + rates, unknownColumns: s.unknownColumns, syncRunId: target.runId });
    await conn.query("COMMIT");
    conn.release();
    return { ...base, ...facts, rates: s.rates.length };
  } catch (error) {
    if (copying) conn.release(true);
    else {
      await conn.query("ROLLBACK").catch(() => {});
      conn.release();
    }
    answer.body.destroy();
    if (!(error instanceof ReportBodyError || error instanceof ReportHeaderError || error instanceof ReportValueError)) throw error;
    await recordReportFile(pool, key, { status: "failed", appleStatus: 200, error: error.message, nextAttemptAt: retryAt, syncRunId: target.runId });
    return { ...empty(month.start, "failed"), failure: { status: "file", code: null, detail: error.message, hint: "Starboard will try this month again.", abort: false } };
  }
}

import "server-only";
// One day's SALES/SUMMARY/DAILY report into the database, in one transaction: the file is streamed (gunzip →
// split into lines → COPY into a session-local staging table), then merged set-wise. A file that cannot be read
// completely (truncated, a renamed column, an unreadable value) leaves nothing of itself behind.
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { AscAuthError, AscError, AscForbiddenError, AscRateLimitError, AscValidationError } from "@/lib/apple/asc";
import {
  ReportBodyError,
  ReportHeaderError,
  ReportValueError,
  readReport,
  reportRefusalHint,
  SalesRowMapper,
  type ReportsClient,
  type SalesFileSummary,
} from "@/lib/apple/asc/reports";
import { sqlPool } from "@/lib/db";
import { resolveIdentifiers } from "./mapping";
import { importedChecksum, recordReportFile, retryAfter, salesFileKey, type ReportFileStatus } from "./report-files";
import { rebuildRollups } from "./rollups";

export interface DayFailure {
  /** Apple's HTTP status, "network", or "file" when the file itself could not be read. */
  status: string;
  code: string | null;
  detail: string | null;
  hint: string | null;
  /** The run should stop: every further call would fail the same way (key, role, rate limit, a refused query). */
  abort: boolean;
}

export interface DayResult {
  day: string;
  status: ReportFileStatus;
  /** The file was byte-for-byte what is stored (checksum): nothing was merged. */
  unchanged: boolean;
  rows: number;
  inserted: number;
  updated: number;
  deleted: number;
  unknownColumns: string[];
  unknownProductTypes: Record<string, number>;
  /** Identifiers known before this file whose app changed with it: their other days' rollups are rebuilt at the end. */
  remapped: string[];
  failure: DayFailure | null;
}

export interface SalesTarget {
  teamId: string;
  projectId: string;
  vendorNumber: string;
  runId: string | null;
}

/** The file's rows as read, each with its product type's bucket (1 downloads … 5 subscriptions, 6 other: SALES_BUCKETS). */
const STAGE = `CREATE TEMP TABLE IF NOT EXISTS sales_stage (
  apple_identifier text NOT NULL, country_code text NOT NULL, product_type text NOT NULL, proceeds_currency text NOT NULL,
  units numeric NOT NULL, developer_proceeds numeric NOT NULL, bucket smallint NOT NULL) ON COMMIT DELETE ROWS`;

const AGG = `CREATE TEMP TABLE IF NOT EXISTS sales_agg (
  apple_identifier text NOT NULL, country_code text NOT NULL, product_type text NOT NULL, proceeds_currency text NOT NULL,
  units numeric NOT NULL, proceeds numeric NOT NULL, bucket smallint NOT NULL) ON COMMIT DELETE ROWS`;

/** The day's rows summed per fact key (a file may split a key by device, version, price…); a key has one product type, so one bucket. */
const SUMMED = `SELECT apple_identifier, country_code, product_type, proceeds_currency, sum(units) AS units, sum(units * developer_proceeds) AS proceeds, min(bucket) AS bucket
  FROM pg_temp.sales_stage GROUP BY 1, 2, 3, 4`;

/** For a merge into a day already stored: the summed rows, kept for the comparison and the clean-up. */
const AGGREGATE = `INSERT INTO pg_temp.sales_agg ${SUMMED}`;

/** A day with no facts yet (a first import): the summed rows inserted straight from the staged file. */
const INSERT_FACTS = `
  INSERT INTO sales_daily_facts (project_id, report_date, apple_identifier, country_code, product_type, proceeds_currency, team_id, units, proceeds)
  SELECT $1::uuid, $2::date, s.apple_identifier, s.country_code, s.product_type, s.proceeds_currency, $3::uuid, s.units, s.proceeds FROM (${SUMMED}) s`;

const MERGE_FACTS = `
  WITH agg AS (SELECT * FROM pg_temp.sales_agg),
  up AS (
    INSERT INTO sales_daily_facts AS f (project_id, report_date, apple_identifier, country_code, product_type, proceeds_currency, team_id, units, proceeds)
    SELECT $1::uuid, $2::date, apple_identifier, country_code, product_type, proceeds_currency, $3::uuid, units, proceeds FROM agg
    ON CONFLICT (project_id, report_date, apple_identifier, country_code, product_type, proceeds_currency)
    DO UPDATE SET units = excluded.units, proceeds = excluded.proceeds
    WHERE (f.units, f.proceeds) IS DISTINCT FROM (excluded.units, excluded.proceeds)
    RETURNING (xmax = 0) AS inserted
  ),
  gone AS (
    DELETE FROM sales_daily_facts f
    WHERE f.project_id = $1::uuid AND f.report_date = $2::date
      AND NOT EXISTS (SELECT 1 FROM agg a WHERE a.apple_identifier = f.apple_identifier AND a.country_code = f.country_code
        AND a.product_type = f.product_type AND a.proceeds_currency = f.proceeds_currency)
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM up WHERE inserted)::int AS inserted, (SELECT count(*) FROM up WHERE NOT inserted)::int AS updated,
    (SELECT count(*) FROM gone)::int AS deleted`;

/** Newest file wins for names; the date range only grows. Returns the identifiers this file introduced. */
const UPSERT_IDENTIFIERS = `
  INSERT INTO sales_identifiers AS s (project_id, apple_identifier, team_id, sku, title, parent_identifier, in_app, first_date, last_date)
  SELECT $1::uuid, i.apple_identifier, $3::uuid, i.sku, i.title, i.parent_identifier, i.in_app, $2::date, $2::date
  FROM json_to_recordset($4::json) AS i(apple_identifier text, sku text, title text, parent_identifier text, in_app boolean)
  ON CONFLICT (project_id, apple_identifier) DO UPDATE SET
    sku = CASE WHEN excluded.last_date >= s.last_date THEN excluded.sku ELSE s.sku END,
    title = CASE WHEN excluded.last_date >= s.last_date THEN excluded.title ELSE s.title END,
    parent_identifier = CASE WHEN excluded.last_date >= s.last_date THEN excluded.parent_identifier ELSE s.parent_identifier END,
    in_app = CASE WHEN excluded.last_date >= s.last_date THEN excluded.in_app ELSE s.in_app END,
    first_date = least(s.first_date, excluded.first_date),
    last_date = greatest(s.last_date, excluded.last_date)
  WHERE s.first_date > excluded.first_date OR s.last_date < excluded.last_date
    OR (excluded.last_date >= s.last_date AND (s.sku, s.title, s.parent_identifier, s.in_app) IS DISTINCT FROM (excluded.sku, excluded.title, excluded.parent_identifier, excluded.in_app))
  RETURNING s.apple_identifier, (xmax = 0) AS inserted`;

const UPSERT_VERSIONS = `
  INSERT INTO sales_app_versions AS v (project_id, apple_identifier, version, team_id, first_date)
  SELECT $1::uuid, x.apple_identifier, x.version, $3::uuid, $2::date FROM json_to_recordset($4::json) AS x(apple_identifier text, version text)
  ON CONFLICT (project_id, apple_identifier, version) DO UPDATE SET first_date = excluded.first_date WHERE excluded.first_date < v.first_date`;

const NOT_YET_RETRY_MS = 3_600_000;

/** When to ask again for a day Apple has not published: hourly while it is recent, daily after that. */
export function nextAttemptFor(status: ReportFileStatus, day: string, latest: string, now: Date, attempts = 1): string | null {
  if (status === "not_available_yet") {
    const recent = Date.parse(`${latest}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`) <= 2 * 86_400_000;
    return retryAfter(now, recent ? NOT_YET_RETRY_MS : 24 * NOT_YET_RETRY_MS);
  }
  if (status === "failed") return retryAfter(now, Math.min(24, 2 ** Math.max(0, attempts - 1)) * NOT_YET_RETRY_MS);
  return null;
}

function emptyResult(day: string, status: ReportFileStatus): DayResult {
  return { day, status, unchanged: false, rows: 0, inserted: 0, updated: 0, deleted: 0, unknownColumns: [], unknownProductTypes: {}, remapped: [], failure: null };
}

export function appleFailure(error: AscError, which: "sales" | "finance"): DayFailure {
  return {
    status: error.status === null ? "network" : String(error.status),
    code: error.code,
    detail: error.detail ?? error.title ?? error.message,
    hint: reportRefusalHint(error, which),
    abort: error instanceof AscAuthError || error instanceof AscForbiddenError || error instanceof AscRateLimitError || error instanceof AscValidationError,
  };
}

const isFileError = (e: unknown) => e instanceof ReportBodyError || e instanceof ReportHeaderError || e instanceof ReportValueError;

/** Downloads and stores one day; Apple's refusals and unreadable files are results, database errors are thrown. */
export async function importSalesDay(client: ReportsClient, target: SalesTarget, day: string, context: { latest: string; now: Date }): Promise<DayResult> {
  const key = salesFileKey(target, day);
  const pool = sqlPool();
  let answer: Awaited<ReturnType<ReportsClient["salesReport"]>>;
  try {
    answer = await client.salesReport({ vendorNumber: target.vendorNumber, reportType: "SALES", reportSubType: "SUMMARY", frequency: "DAILY", reportDate: day, version: "1_0" });
  } catch (error) {
    if (!(error instanceof AscError)) throw error;
    const failure = appleFailure(error, "sales");
    await recordReportFile(pool, key, { status: "failed", appleStatus: error.status, appleCode: error.code, error: `${failure.detail ?? ""} — ${failure.hint}`, nextAttemptAt: nextAttemptFor("failed", day, context.latest, context.now), syncRunId: target.runId });
    return { ...emptyResult(day, "failed"), failure };
  }
  if (answer.kind !== "file") {
    await recordReportFile(pool, key, { status: answer.kind, appleStatus: answer.status, appleCode: answer.code, error: answer.detail, nextAttemptAt: nextAttemptFor(answer.kind, day, context.latest, context.now), syncRunId: target.runId });
    return emptyResult(day, answer.kind);
  }

  const conn = await pool.connect();
  let copying = false;
  try {
    await conn.query("BEGIN");
    // Two runs importing the same day (a backfill and the daily sync) take turns.
    await conn.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`sales:${target.projectId}:${day}`]);
    // A crash before the commit is flushed loses a transaction the next run redoes (its file row goes with it).
    await conn.query("SET LOCAL synchronous_commit = off");
    // A day's aggregate (tens of thousands of keys) fits in memory instead of spilling to disk.
    await conn.query("SET LOCAL work_mem = '64MB'");
    // The facts have no foreign key (one check per row was a third of the import): the project row is held instead.
    const project = await conn.query(`SELECT 1 FROM projects WHERE id = $1::uuid FOR KEY SHARE`, [target.projectId]);
    if (project.rows.length === 0) throw new Error(`Project ${target.projectId} no longer exists.`);
    await conn.query(STAGE);
    await conn.query(AGG);
    const mapper = new SalesRowMapper(day);
    copying = true;
    const copy = conn.query(copyFrom("COPY pg_temp.sales_stage (apple_identifier, country_code, product_type, proceeds_currency, units, developer_proceeds, bucket) FROM STDIN"));
    const read = await readReport(answer.body, mapper.onRecord, copy);
    copying = false;
    if (!mapper.sawHeader) throw new ReportBodyError("The report file is empty: it has no header row.");
    const summary = mapper.summary();
    if ((await importedChecksum(conn, key)) === read.checksum) {
      await conn.query("ROLLBACK");
      await recordReportFile(pool, key, { status: "imported", checksum: read.checksum, rows: summary.rows, rowsWritten: 0, unknownColumns: summary.unknownColumns, syncRunId: target.runId });
      conn.release();
      return { ...emptyResult(day, "imported"), unchanged: true, rows: summary.rows, unknownColumns: summary.unknownColumns, unknownProductTypes: summary.unknownProductTypes };
    }
    const result = await merge(conn, target, day, summary);
    await recordReportFile(conn, key, { status: "imported", checksum: read.checksum, rows: summary.rows, rowsWritten: result.inserted + result.updated + result.deleted, unknownColumns: summary.unknownColumns, syncRunId: target.runId });
    await conn.query("COMMIT");
    conn.release();
    return { ...emptyResult(day, "imported"), ...result, rows: summary.rows, unknownColumns: summary.unknownColumns, unknownProductTypes: summary.unknownProductTypes };
  } catch (error) {
    // A connection left in COPY mode is dropped (the server rolls its transaction back); otherwise roll back here.
    if (copying) conn.release(true);
    else {
      await conn.query("ROLLBACK").catch(() => {});
      conn.release();
    }
    answer.body.destroy();
    const broken = !isFileError(error) && error instanceof Error && /terminated|aborted|socket|ECONNRESET|timed out/i.test(`${(error).name} ${(error).message}`);
    if (!isFileError(error) && !broken) throw error;
    const detail = broken ? `The download broke off: ${(error).message}` : (error as Error).message;
    await recordReportFile(pool, key, { status: "failed", appleStatus: 200, error: detail, nextAttemptAt: nextAttemptFor("failed", day, context.latest, context.now), syncRunId: target.runId });
    return { ...emptyResult(day, "failed"), failure: { status: broken ? "network" : "file", code: null, detail, hint: broken ? "Starboard will try this day again." : "Starboard will try this day again; if Apple changed the file's layout, this needs an update of Starboard.", abort: false } };
  }
}

/** One fixed order for every import (code-unit order). */
const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function merge(conn: pg.PoolClient, target: SalesTarget, day: string, summary: SalesFileSummary) {
  // Days imported side by side lock the identifier and version rows they share: always in the same (sorted) order,
  // or two files listing them in different orders deadlock.
  const ids = summary.identifiers
    .map((i) => ({ apple_identifier: i.appleIdentifier, sku: i.sku, title: i.title, parent_identifier: i.parentIdentifier, in_app: i.inApp }))
    .sort((a, b) => compareCodes(a.apple_identifier, b.apple_identifier));
  const upserted = await conn.query<{ apple_identifier: string; inserted: boolean }>(UPSERT_IDENTIFIERS, [target.projectId, day, target.teamId, JSON.stringify(ids)]);
  const introduced = new Set(upserted.rows.filter((r) => r.inserted).map((r) => r.apple_identifier));
  const changed = await resolveIdentifiers(conn, target.projectId, summary.identifiers.map((i) => i.appleIdentifier));
  const fresh = (await conn.query(`SELECT 1 FROM sales_daily_facts WHERE project_id = $1::uuid AND report_date = $2::date LIMIT 1`, [target.projectId, day])).rows.length === 0;
  let facts: { inserted: number; updated: number; deleted: number };
  if (fresh) facts = { inserted: (await conn.query(INSERT_FACTS, [target.projectId, day, target.teamId])).rowCount ?? 0, updated: 0, deleted: 0 };
  else {
    await conn.query(AGGREGATE);
    facts = (await conn.query<{ inserted: number; updated: number; deleted: number }>(MERGE_FACTS, [target.projectId, day, target.teamId])).rows[0];
  }
  // The day's facts are exactly the staged file (summed): the rollups come from it, not read back.
  if (facts.inserted + facts.updated + facts.deleted > 0 || changed.length > 0) await rebuildRollups(conn, target, [day], { source: fresh ? "stage" : "aggregate", fresh });
  if (summary.versions.length > 0) {
    const versions = summary.versions
      .map((v) => ({ apple_identifier: v.appleIdentifier, version: v.version }))
      .sort((a, b) => compareCodes(a.apple_identifier, b.apple_identifier) || compareCodes(a.version, b.version));
    await conn.query(UPSERT_VERSIONS, [target.projectId, day, target.teamId, JSON.stringify(versions)]);
  }
  return { ...facts, remapped: changed.filter((id) => !introduced.has(id)) };
}

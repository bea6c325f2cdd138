import "server-only";
// One DAILY instance of one report of one app: list its segments (404 → gone, recorded and skipped, P6), download
// each right away (403 → the link expired: list again for a fresh one, P13), verify the checksum, gunzip + parse
// the TSV by column name, and write in one transaction: a byte-identical duplicate of an instance already read is
// skipped and counted (P1); each Date the file carries replaces that date's rows only when this instance's
// processing date is not older than the one the date came from (§2.6); the coverage row says where it came from.
import { Readable } from "node:stream";
import {
  AnalyticsChecksumError,
  AnalyticsDownloadError,
  AnalyticsRowError,
  AnalyticsUrlExpiredError,
  createDailyAggregate,
  type AnalyticsClient,
  type AnalyticsInstance,
  type AnalyticsReportKey,
  type AnalyticsSegment,
} from "@/lib/apple/asc/analytics";
import { ReportHeaderError } from "@/lib/apple/asc/reports/columns";
import { discardSink, readReport, ReportBodyError } from "@/lib/apple/asc/reports/read-report";
import { sqlPool } from "@/lib/db";
import type { AppTarget } from "./requests";

/** Fresh links asked for when a download is refused (expired), fails or does not match its checksum. */
const RELISTS = 2;

export type InstanceOutcome =
  | { status: "imported"; segments: number; rows: number; daysReplaced: number; daysKeptNewer: number; inserted: number; updated: number; deleted: number; unknownColumns: string[]; relists: number; checksumMismatches: number }
  | { status: "duplicate"; relists: number; checksumMismatches: number }
  | { status: "gone" }
  | { status: "failed"; reason: string; relists: number; checksumMismatches: number };

interface Downloaded {
  segments: AnalyticsSegment[];
  files: Buffer[];
  relists: number;
  checksumMismatches: number;
}

async function downloadAll(client: AnalyticsClient, instanceId: string): Promise<Downloaded | null | { failed: string; relists: number; checksumMismatches: number }> {
  let relists = 0;
  let checksumMismatches = 0;
  for (;;) {
    const segments = await client.listSegments(instanceId);
    if (segments === null) return null;
    try {
      const files: Buffer[] = [];
      for (const segment of segments) files.push(await client.downloadSegment(segment));
      return { segments, files, relists, checksumMismatches };
    } catch (error) {
      // A refused (expired) link, a mismatch and a storage failure (5xx, no answer) all get a fresh list and link.
      if (error instanceof AnalyticsChecksumError) checksumMismatches++;
      else if (!(error instanceof AnalyticsUrlExpiredError) && !(error instanceof AnalyticsDownloadError)) throw error;
      if (relists >= RELISTS) return { failed: (error as Error).message, relists, checksumMismatches };
      relists++;
    }
  }
}

export async function importInstance(client: AnalyticsClient, app: AppTarget, report: AnalyticsReportKey, reportName: string, instance: AnalyticsInstance): Promise<InstanceOutcome> {
  const pool = sqlPool();
  const record = async (status: "gone" | "failed" | "duplicate", checksum: string | null, error: string | null) => {
    await pool.query(
      `INSERT INTO analytics_instances (app_id, instance_id, team_id, project_id, report, report_name, processing_date, status, checksum, error, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8::analytics_instance_status, $9, $10, 1)
       ON CONFLICT (app_id, instance_id) DO UPDATE SET status = EXCLUDED.status, checksum = EXCLUDED.checksum, error = EXCLUDED.error,
         attempts = analytics_instances.attempts + 1, read_at = CURRENT_TIMESTAMP`,
      [app.appId, instance.id, app.teamId, app.projectId, report, reportName, instance.processingDate, status, checksum, error],
    );
  };

  const got = await downloadAll(client, instance.id);
  if (got === null) {
    await record("gone", null, "Apple answered 404 for the instance's segments (instances are kept 35 days).");
    return { status: "gone" };
  }
  if ("failed" in got) {
    await record("failed", null, got.failed);
    return { status: "failed", reason: got.failed, relists: got.relists, checksumMismatches: got.checksumMismatches };
  }
  const checksum = got.segments.map((s) => s.checksum).join(",");
  const { rows: dup } = await pool.query(`SELECT 1 FROM analytics_instances WHERE app_id = $1 AND report = $2 AND checksum = $3 AND status = 'imported' AND instance_id <> $4 LIMIT 1`, [app.appId, report, checksum, instance.id]);
  if (dup.length > 0) {
    await record("duplicate", checksum, null);
    return { status: "duplicate", relists: got.relists, checksumMismatches: got.checksumMismatches };
  }

  const aggregate = createDailyAggregate(report, app.appleId);
  try {
    for (const file of got.files) {
      // Each segment starts with its own header.
      aggregate.startFile();
      await readReport(Readable.from([file]), (line) => {
        aggregate.add(line.cells());
        return null;
      }, discardSink());
    }
  } catch (error) {
    if (error instanceof AnalyticsRowError || error instanceof ReportHeaderError || error instanceof ReportBodyError) {
      await record("failed", checksum, error.message);
      return { status: "failed", reason: error.message, relists: got.relists, checksumMismatches: got.checksumMismatches };
    }
    throw error;
  }
  const rows = aggregate.rows();
  const written = await writeInstance(app, report, reportName, instance, checksum, got.segments.length, aggregate.records, aggregate.days(), rows);
  return { status: "imported", segments: got.segments.length, rows: aggregate.records, unknownColumns: aggregate.unknownColumns(), relists: got.relists, checksumMismatches: got.checksumMismatches, ...written };
}

async function writeInstance(
  app: AppTarget,
  report: AnalyticsReportKey,
  reportName: string,
  instance: AnalyticsInstance,
  checksum: string,
  segments: number,
  records: number,
  days: string[],
  rows: ReturnType<ReturnType<typeof createDailyAggregate>["rows"]>,
) {
  const client = await sqlPool().connect();
  try {
    await client.query("BEGIN");
    // The instance's row commits with its data, so a commit lost in a crash only means the instance is read again on
    // the next run: no need to wait for the WAL flush of each of a year's thousands of small transactions.
    await client.query("SET LOCAL synchronous_commit = off");
    // Dates whose stored rows come from a later processing date stay as they are.
    const { rows: newer } = await client.query<{ day: string }>(
      `SELECT day::text AS day FROM analytics_coverage WHERE app_id = $1 AND report = $2 AND day = ANY($3::date[]) AND status = 'imported' AND processing_date > $4::date FOR UPDATE`,
      [app.appId, report, days, instance.processingDate],
    );
    const keep = new Set(newer.map((r) => r.day));
    const replace = days.filter((d) => !keep.has(d));
    const incoming = rows.filter((r) => !keep.has(r.day));
    const cols = {
      day: incoming.map((r) => r.day), territory: incoming.map((r) => r.territory), source: incoming.map((r) => r.sourceType), page: incoming.map((r) => r.pageType),
      device: incoming.map((r) => r.device), metric: incoming.map((r) => r.metric), value: incoming.map((r) => String(r.value)),
    };
    const params = [app.appId, report, cols.day, cols.territory, cols.source, cols.page, cols.device, cols.metric, cols.value];
    const incomingSql = `SELECT * FROM unnest($3::date[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[]) AS i(day, territory, source_type, page_type, device, metric, value)`;
    const { rows: deleted } = await client.query(
      `DELETE FROM analytics_daily_metrics m WHERE m.app_id = $1 AND m.report = $2 AND m.day = ANY($10::date[])
         AND NOT EXISTS (SELECT 1 FROM (${incomingSql}) i WHERE i.day = m.day AND i.territory = m.territory AND i.source_type = m.source_type AND i.page_type = m.page_type AND i.device = m.device AND i.metric = m.metric)
       RETURNING 1`,
      [...params, replace],
    );
    const { rows: upserted } = await client.query<{ inserted: boolean }>(
      `INSERT INTO analytics_daily_metrics (app_id, report, day, territory, source_type, page_type, device, metric, team_id, project_id, value)
       SELECT $1, $2, i.day, i.territory, i.source_type, i.page_type, i.device, i.metric, $10, $11, i.value FROM (${incomingSql}) i
       ON CONFLICT (app_id, report, day, territory, source_type, page_type, device, metric) DO UPDATE SET value = EXCLUDED.value
         WHERE analytics_daily_metrics.value IS DISTINCT FROM EXCLUDED.value
       RETURNING (xmax = 0) AS inserted`,
      [...params, app.teamId, app.projectId],
    );
    // The app's daily sums of the replaced dates, rewritten only where they changed.
    await client.query(
      `WITH sums AS (
         SELECT day, metric, sum(value)::bigint AS value FROM analytics_daily_metrics WHERE app_id = $1 AND report = $2 AND day = ANY($3::date[]) GROUP BY day, metric),
       gone AS (
         DELETE FROM analytics_app_days a WHERE a.app_id = $1 AND a.report = $2 AND a.day = ANY($3::date[])
           AND NOT EXISTS (SELECT 1 FROM sums s WHERE s.day = a.day AND s.metric = a.metric))
       INSERT INTO analytics_app_days (app_id, report, day, metric, team_id, project_id, value)
       SELECT $1, $2, s.day, s.metric, $4, $5, s.value FROM sums s
       ON CONFLICT (app_id, report, day, metric) DO UPDATE SET value = EXCLUDED.value WHERE analytics_app_days.value IS DISTINCT FROM EXCLUDED.value`,
      [app.appId, report, replace, app.teamId, app.projectId],
    );
    await client.query(
      `INSERT INTO analytics_coverage (app_id, report, day, team_id, project_id, status, instance_id, processing_date, checksum)
       SELECT $1, $2, d, $3, $4, 'imported', $5, $6::date, $7 FROM unnest($8::date[]) AS d
       ON CONFLICT (app_id, report, day) DO UPDATE SET status = 'imported', instance_id = EXCLUDED.instance_id, processing_date = EXCLUDED.processing_date,
         checksum = EXCLUDED.checksum, updated_at = CURRENT_TIMESTAMP
         WHERE (analytics_coverage.status, analytics_coverage.instance_id, analytics_coverage.processing_date, analytics_coverage.checksum)
           IS DISTINCT FROM ('imported'::analytics_coverage_status, EXCLUDED.instance_id, EXCLUDED.processing_date, EXCLUDED.checksum)`,
      [app.appId, report, app.teamId, app.projectId, instance.id, instance.processingDate, checksum, replace],
    );
    await client.query(
      `INSERT INTO analytics_instances (app_id, instance_id, team_id, project_id, report, report_name, processing_date, status, checksum, segments, rows, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7::date, 'imported', $8, $9, $10, 1)
       ON CONFLICT (app_id, instance_id) DO UPDATE SET status = 'imported', checksum = EXCLUDED.checksum, segments = EXCLUDED.segments, rows = EXCLUDED.rows,
         error = NULL, attempts = analytics_instances.attempts + 1, read_at = CURRENT_TIMESTAMP`,
      [app.appId, instance.id, app.teamId, app.projectId, report, reportName, instance.processingDate, checksum, segments, records],
    );
    await client.query("COMMIT");
    const inserted = upserted.filter((r) => r.inserted).length;
    return { daysReplaced: replace.length, daysKeptNewer: keep.size, inserted, updated: upserted.length - inserted, deleted: deleted.length };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

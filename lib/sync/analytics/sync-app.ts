import "server-only";
// One app's analytics (apple-reports.md §2.11): its requests, the wanted standard reports by exact name, the DAILY
// instances not read yet (oldest processing date first, so a later one replaces a date), then the coverage: every
// date between the first and the last imported that no file carried is a gap, later dates up to yesterday pending.
import { reportKeyOf, type AnalyticsClient, type AnalyticsReportKey } from "@/lib/apple/asc/analytics";
import { sqlPool } from "@/lib/db";
import { addCounters, emptyAnalyticsCounters, type AnalyticsCounters } from "./counters";
import { importInstance } from "./import-instance";
import { describeAppleError, ensureRequests, type AppTarget } from "./requests";

const NOTES_KEPT = 20;

export async function syncApp(client: AnalyticsClient, app: AppTarget, now: Date, snapshot: boolean): Promise<AnalyticsCounters> {
  const c = emptyAnalyticsCounters();
  c.apps = 1;
  try {
    const ensured = await ensureRequests(client, app, now, snapshot);
    c.requestPosts += ensured.ongoingPosts + ensured.snapshotPosts;
    c.snapshotPosts += ensured.snapshotPosts;
    c.requestsCreated += ensured.created ? 1 : 0;
    c.requestsRecreated += ensured.recreated ? 1 : 0;
    c.adminMissing += ensured.adminMissing ? 1 : 0;
    c.snapshots[app.name] = ensured.snapshotState;
    c.notes.push(...ensured.notes);
    if (ensured.read.length === 0) {
      c.appsFailed++;
      c.failures.push({ app: app.name, status: ensured.adminMissing ? "403" : "none", code: null, detail: ensured.notes.join(" ") || "Apple lists no analytics report request for this app." });
      return c;
    }

    const seenKeys = new Set<AnalyticsReportKey>();
    for (const request of ensured.read) {
      let reports;
      try {
        reports = await client.listReports(request.id);
      } catch (error) {
        // A snapshot Apple gave an id for and then lost (P3) answers 404 here: its state says pending.
        if (request.accessType === "ONE_TIME_SNAPSHOT" && describeAppleError(error).status === "404") continue;
        throw error;
      }
      for (const report of reports) {
        const key = reportKeyOf(report.name);
        if (!key) continue;
        seenKeys.add(key);
        const instances = await client.listDailyInstances(report.id);
        if (instances.length === 0) {
          c.reportsEmpty++;
          continue;
        }
        c.instancesListed += instances.length;
        const { rows: known } = await sqlPool().query<{ instance_id: string }>(
          `SELECT instance_id FROM analytics_instances WHERE app_id = $1 AND instance_id = ANY($2::text[]) AND status <> 'failed'`,
          [app.appId, instances.map((i) => i.id)],
        );
        const read = new Set(known.map((r) => r.instance_id));
        const todo = instances.filter((i) => !read.has(i.id)).sort((a, b) => a.processingDate.localeCompare(b.processingDate) || a.id.localeCompare(b.id));
        c.instancesAlreadyRead += instances.length - todo.length;
        for (const instance of todo) {
          const outcome = await importInstance(client, app, key, report.name, instance);
          if (outcome.status === "gone") {
            c.instancesGone++;
            continue;
          }
          c.urlRefreshes += outcome.relists;
          c.checksumMismatches += outcome.checksumMismatches;
          if (outcome.status === "duplicate") c.duplicatesSkipped++;
          else if (outcome.status === "failed") {
            c.instancesFailed++;
            if (c.notes.length < NOTES_KEPT) c.notes.push(`${app.name}, ${report.name}, instance of ${instance.processingDate}: ${outcome.reason} It is read again on the next run.`);
          } else {
            c.instancesImported++;
            c.segments += outcome.segments;
            c.rowsRead += outcome.rows;
            c.rowsInserted += outcome.inserted;
            c.rowsUpdated += outcome.updated;
            c.rowsDeleted += outcome.deleted;
            c.daysReplaced += outcome.daysReplaced;
            c.daysKeptNewer += outcome.daysKeptNewer;
            for (const name of outcome.unknownColumns) c.unknownColumns[name] = (c.unknownColumns[name] ?? 0) + 1;
          }
        }
      }
    }
    c.reportsMissing += (["downloads", "engagement", "sessions", "installs", "crashes"] as const).filter((k) => !seenKeys.has(k)).length;
  } catch (error) {
    const answer = describeAppleError(error);
    c.appsFailed++;
    c.failures.push({ app: app.name, ...answer });
  }
  const coverage = await recordCoverage(app, now);
  c.gaps += coverage.gaps;
  c.pendingDays += coverage.pending;
  return c;
}

/** Gaps between the first and last imported date of each report, and pending dates after the last up to yesterday. */
async function recordCoverage(app: AppTarget, now: Date): Promise<{ gaps: number; pending: number }> {
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const pool = sqlPool();
  await pool.query(
    `WITH bounds AS (
       SELECT report, min(day) AS lo, max(day) AS hi FROM analytics_coverage WHERE app_id = $1 AND status = 'imported' GROUP BY report)
     INSERT INTO analytics_coverage (app_id, report, day, team_id, project_id, status)
     SELECT $1, b.report, d::date, $2, $3, (CASE WHEN d::date <= b.hi THEN 'gap' ELSE 'pending' END)::analytics_coverage_status
     FROM bounds b, generate_series(b.lo, greatest(b.hi, $4::date), interval '1 day') AS d
     ON CONFLICT (app_id, report, day) DO UPDATE SET status = EXCLUDED.status, updated_at = CURRENT_TIMESTAMP
       WHERE analytics_coverage.status <> 'imported' AND analytics_coverage.status <> EXCLUDED.status`,
    [app.appId, app.teamId, app.projectId, yesterday],
  );
  const { rows } = await pool.query<{ gaps: number; pending: number }>(
    `SELECT count(*) FILTER (WHERE status = 'gap')::int AS gaps, count(*) FILTER (WHERE status = 'pending')::int AS pending FROM analytics_coverage WHERE app_id = $1`,
    [app.appId],
  );
  return rows[0];
}

export { addCounters };

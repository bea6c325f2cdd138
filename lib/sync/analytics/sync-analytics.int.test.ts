// The analytics sync against the simulator over HTTP, one test per pitfall of apple-reports.md §2.10: the POSTs
// are counted (no request loops), nothing is counted twice, every gap is recorded, a re-sync rewrites no row.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/apple/asc/reports/values";
import { db, sqlPool } from "@/lib/db";
import { inlineSteps } from "@/lib/sync/steps";
import { analyticsSimConfig, createAnalyticsWorld, LATEST, NOW, startAnalyticsSim, WEATHER, type AnalyticsWorld } from "@/test/analytics-world";
import { useConfig } from "@/test/config";
import type { RunningAppleSim } from "@/tools/apple-sim";
import { instanceText } from "@/tools/apple-sim/model/analytics";
import { syncAnalytics, type AnalyticsSyncInput } from "./sync-analytics";

let apple: RunningAppleSim;

beforeAll(async () => {
  apple = await startAnalyticsSim();
});
afterAll(() => apple.stop());
useConfig(() => analyticsSimConfig(apple));
afterEach(() => {
  apple.sim.reset();
});

const sync = (w: AnalyticsWorld, over: Partial<AnalyticsSyncInput> = {}) => syncAnalytics({ projectId: w.projectId, trigger: "manual", steps: inlineSteps, now: NOW, ...over });
const later = (hours: number) => new Date(new Date(NOW).getTime() + hours * 3_600_000).toISOString();

async function q<T extends Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
  return (await sqlPool().query<T>(sql, params)).rows;
}
const posts = (accessType?: string) => apple.sim.analytics.posts.filter((p) => !accessType || p.accessType === accessType);
const coverage = (appId: string, report: string) =>
  q<{ day: string; status: string; processing_date: string | null }>(`SELECT day::text, status::text, processing_date::text FROM analytics_coverage WHERE app_id = $1 AND report = $2 ORDER BY day`, [appId, report]);
const metric = async (appId: string, report: string, day: string, name: string) =>
  Number((await q<{ v: string | null }>(`SELECT sum(value)::text AS v FROM analytics_daily_metrics WHERE app_id = $1 AND report = $2 AND day = $3 AND metric = $4`, [appId, report, day, name]))[0].v ?? "0");
/** Every stored analytics row with its xmin: equal before and after = nothing rewritten. */
const fingerprint = async (w: AnalyticsWorld) =>
  (
    await q<{ t: string | null }>(
      `SELECT string_agg(x, ',' ORDER BY x) AS t FROM (
         SELECT 'm' || app_id || report || day || territory || source_type || page_type || device || metric || value || '@' || xmin AS x FROM analytics_daily_metrics WHERE project_id = $1
         UNION ALL SELECT 'a' || app_id || report || day || metric || value || '@' || xmin FROM analytics_app_days WHERE project_id = $1
         UNION ALL SELECT 'c' || app_id || report || day || status || '@' || xmin FROM analytics_coverage WHERE project_id = $1
         UNION ALL SELECT 'i' || app_id || instance_id || status || '@' || xmin FROM analytics_instances WHERE project_id = $1
         UNION ALL SELECT 'r' || app_id || '@' || xmin FROM analytics_request_states WHERE project_id = $1) s`,
      [w.projectId],
    )
  )[0].t ?? "";

/** The simulator's final count for a day: Counts of the rows with this Download Type, summed. */
function finalDownloads(day: string, type: string): number {
  const text = instanceText(apple.sim.analytics.config, WEATHER, "App Downloads Standard", { dates: [{ day, scale: 1 }] })!;
  const [header, ...lines] = text.trim().split("\n").map((l) => l.split("\t"));
  const [t, c] = [header.indexOf("Download Type"), header.indexOf("Counts")];
  return lines.filter((l) => l[t] === type).reduce((sum, l) => sum + Number(l[c]), 0);
}

describe("analytics sync against the simulator", () => {
  it("creates one ONGOING request per app, imports every DAILY instance with the latest processing date winning, and a re-sync POSTs nothing and rewrites no row", async () => {
    const w = await createAnalyticsWorld();
    const first = await sync(w);
    expect(first.status).toBe("succeeded");
    // 8 daily instances for each of 5 reports of 2 apps; weekly instances are never read. The simulator's history
    // snapshot carries the very same files: each is recognised as a duplicate and nothing is counted twice.
    expect(first.counters).toMatchObject({ apps: 2, appsFailed: 0, requestsCreated: 2, instancesListed: 160, instancesImported: 80, duplicatesSkipped: 80, gaps: 0, pendingDays: 0, reportsMissing: 0 });
    expect(posts("ONGOING").map((p) => p.status)).toEqual([201, 201]);
    expect(posts("ONE_TIME_SNAPSHOT").map((p) => p.status)).toEqual([201, 201]);
    // Each day came first provisional (0.8 of the counts) and then final; the final instance replaced it, nothing was added up.
    const day = addDays(LATEST, -3);
    expect(await metric(w.weatherId, "downloads", day, "first_time_downloads")).toBe(finalDownloads(day, "First-time Download"));
    expect(await metric(w.weatherId, "downloads", day, "redownloads")).toBe(finalDownloads(day, "Redownload"));
    const days = await coverage(w.weatherId, "downloads");
    expect(days.map((d) => d.day)).toEqual(Array.from({ length: 9 }, (_, i) => addDays(LATEST, i - 9)));
    expect(days.every((d) => d.status === "imported")).toBe(true);
    expect(days.find((d) => d.day === day)?.processing_date).toBe(addDays(day, 2));

    // The app's daily sums are exactly the metrics' sums.
    const [diff] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT app_id, report, day, metric, sum(value) AS v FROM analytics_daily_metrics WHERE project_id = $1 GROUP BY 1, 2, 3, 4
         EXCEPT SELECT app_id, report, day, metric, value FROM analytics_app_days WHERE project_id = $1) d`,
      [w.projectId],
    );
    expect(diff.n).toBe(0);
    expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM analytics_app_days WHERE project_id = $1`, [w.projectId]))[0].n).toBeGreaterThan(0);
    const before = await fingerprint(w);
    const again = await sync(w, { now: later(1) });
    expect(again.status).toBe("succeeded");
    expect(again.counters).toMatchObject({ instancesImported: 0, instancesAlreadyRead: 160, rowsInserted: 0, rowsUpdated: 0, rowsDeleted: 0, requestPosts: 0 });
    expect(posts()).toHaveLength(4);
    expect(await fingerprint(w)).toBe(before);
  });

  it("P1: skips a byte-identical duplicate instance, counts it, and records the date that was never published as a gap", async () => {
    const missing = addDays(LATEST, -4);
    const sessionsOnly = addDays(LATEST, -6);
    apple.sim.analytics.update({ duplicateInstances: [missing], neverPublished: [missing, { day: sessionsOnly, report: "App Sessions Standard" }] });
    const w = await createAnalyticsWorld({ apps: 1 });
    const result = await sync(w, { snapshot: false });
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ duplicatesSkipped: 5, instancesImported: 40, gaps: 6 });
    const days = await coverage(w.weatherId, "crashes");
    expect(days.filter((d) => d.status === "gap").map((d) => d.day)).toEqual([missing]);
    expect((await coverage(w.weatherId, "sessions")).filter((d) => d.status === "gap").map((d) => d.day)).toEqual([sessionsOnly, missing]);
    expect(await metric(w.weatherId, "downloads", missing, "first_time_downloads")).toBe(0);
    // The day before the gap is counted once: its final instance's counts, not those plus the duplicate's.
    const before = addDays(missing, -1);
    expect(await metric(w.weatherId, "downloads", before, "first_time_downloads")).toBe(finalDownloads(before, "First-time Download"));
    const rows = await q<{ status: string; n: number }>(`SELECT status::text, count(*)::int AS n FROM analytics_instances WHERE app_id = $1 GROUP BY 1 ORDER BY 1`, [w.weatherId]);
    expect(rows).toEqual([{ status: "duplicate", n: 5 }, { status: "imported", n: 40 }]);
  });

  it("P12: a request Apple stopped for inactivity is replaced once, the run says so, and the next run reuses the new one", async () => {
    apple.sim.analytics.update({ existingRequests: [WEATHER], stoppedDueToInactivity: [WEATHER] });
    apple.sim.analytics.open(apple.sim.analytics.config);
    const w = await createAnalyticsWorld({ apps: 1 });
    const result = await sync(w, { snapshot: false });
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ requestsRecreated: 1, requestsCreated: 1, requestPosts: 1 });
    expect((result.counters.notes as string[]).join(" ")).toMatch(/Breeze Weather: Apple stopped the analytics report request for inactivity; Starboard created a new one/);
    await sync(w, { snapshot: false, now: later(24) });
    expect(posts("ONGOING")).toHaveLength(1);
    const state = await db.analyticsRequestState.findUniqueOrThrow({ where: { appId: w.weatherId } });
    expect(state.ongoingStopped).toBe(false);
  });

  it("409 on the ONGOING POST means it exists: the request is listed again and reused, with no second POST", async () => {
    apple.sim.analytics.update({ existingRequests: [WEATHER] });
    apple.sim.analytics.open(apple.sim.analytics.config);
    apple.sim.addFault({ endpoint: "asc.apps.analyticsReportRequests", kind: "empty_list", nth: 1 });
    const w = await createAnalyticsWorld({ apps: 1 });
    const result = await sync(w, { snapshot: false });
    expect(result.status).toBe("succeeded");
    expect(posts("ONGOING").map((p) => p.status)).toEqual([409]);
    expect(result.counters).toMatchObject({ requestsCreated: 0, instancesImported: 40 });
  });

  it("P3: a ghost snapshot (id, then 404, then 409 with an empty list) is pending, asked for at most once a day, never in a loop", async () => {
    apple.sim.analytics.update({ ghostSnapshot: true });
    const w = await createAnalyticsWorld({ apps: 1 });
    const first = await sync(w);
    expect(first.status).toBe("succeeded");
    expect(posts("ONE_TIME_SNAPSHOT").map((p) => p.status)).toEqual([201]);
    const second = await sync(w, { now: later(2) });
    expect(second.counters).toMatchObject({ snapshotPosts: 0, snapshots: { "Breeze Weather": "pending" } });
    expect((second.counters.notes as string[]).join(" ")).toMatch(/history snapshot .* is not found \(404\)/);
    const third = await sync(w, { now: later(25) });
    expect(third.counters).toMatchObject({ snapshotPosts: 1, snapshots: { "Breeze Weather": "pending" } });
    expect((third.counters.notes as string[]).join(" ")).toMatch(/409: one exists\) but lists none; it is asked for again tomorrow/);
    await sync(w, { now: later(26) });
    expect(posts("ONE_TIME_SNAPSHOT").map((p) => p.status)).toEqual([201, 409]);
    expect(posts("ONGOING")).toHaveLength(1);
    const state = await db.analyticsRequestState.findUniqueOrThrow({ where: { appId: w.weatherId } });
    expect(state).toMatchObject({ snapshotState: "pending", snapshotLastAttemptAt: new Date(later(25)) });
  });

  it("a key without the Admin role: a clear message, no request loop, and what exists is still read", async () => {
    const none = await createAnalyticsWorld({ keyId: "ANALYSALES", apps: 1 });
    const refused = await sync(none);
    expect(refused.status).toBe("failed");
    expect(refused.error).toMatch(/Breeze Weather: Creating the analytics report request for Breeze Weather needs an App Store Connect key with the Admin role/);
    expect(refused.counters).toMatchObject({ adminMissing: 1, appsFailed: 1, snapshots: { "Breeze Weather": "refused" } });
    expect(posts().map((p) => `${p.accessType} ${p.status}`)).toEqual(["ONGOING 403", "ONE_TIME_SNAPSHOT 403"]);

    apple.sim.reset();
    apple.sim.analytics.update({ existingRequests: [WEATHER] });
    apple.sim.analytics.open(apple.sim.analytics.config);
    const existing = await createAnalyticsWorld({ keyId: "ANALYSALES", apps: 1 });
    const read = await sync(existing);
    expect(read.status).toBe("succeeded");
    expect(read.counters).toMatchObject({ instancesImported: 40, snapshots: { "Breeze Weather": "refused" } });
    expect(posts("ONGOING")).toHaveLength(0);
    expect(posts("ONE_TIME_SNAPSHOT")).toHaveLength(1);
  });

  it("P6: instances whose segments answer 404 are recorded as gone, skipped, and not asked for again", async () => {
    const old = addDays(LATEST, -7);
    apple.sim.analytics.update({ segmentsGone: [old] });
    const w = await createAnalyticsWorld({ apps: 1 });
    const result = await sync(w, { snapshot: false });
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ instancesGone: 5, instancesImported: 35 });
    const again = await sync(w, { snapshot: false, now: later(1) });
    expect(again.counters).toMatchObject({ instancesGone: 0, instancesAlreadyRead: 40 });
    expect(apple.sim.log.filter((e) => e.endpoint === "asc.analyticsReportInstances.segments" && e.status === 404)).toHaveLength(5);
  });

  it("P5 and P9: an empty instance list and a report missing from the list are counted, not errors", async () => {
    apple.sim.analytics.update({ emptyReports: ["App Sessions Standard"], missingReports: ["App Crashes"] });
    const w = await createAnalyticsWorld({ apps: 1 });
    const result = await sync(w, { snapshot: false });
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ reportsEmpty: 1, reportsMissing: 1, instancesImported: 24 });
  });

  it("P13: an expired presigned URL (403) gets a fresh list of segments and the download succeeds", async () => {
    apple.sim.addFault({ endpoint: "analytics.segmentDownload", kind: "expired_url", count: 2 });
    const w = await createAnalyticsWorld({ apps: 1 });
    const result = await sync(w, { snapshot: false });
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ urlRefreshes: 2, instancesImported: 40, instancesFailed: 0 });
    // The storage refuses an Authorization header; every download went without one.
    expect(apple.sim.log.filter((e) => e.endpoint === "analytics.segmentDownload" && e.status === 400)).toHaveLength(0);
  });

  it("a storage failure (500) on a download gets a fresh link; one that persists fails the instance, not the app", async () => {
    apple.sim.addFault({ endpoint: "analytics.segmentDownload", kind: "500", count: 1 });
    const w = await createAnalyticsWorld({ apps: 1 });
    const once = await sync(w, { snapshot: false });
    expect(once.status).toBe("succeeded");
    expect(once.counters).toMatchObject({ urlRefreshes: 1, instancesImported: 40 });

    apple.sim.reset();
    apple.sim.addFault({ endpoint: "analytics.segmentDownload", kind: "500" });
    const w2 = await createAnalyticsWorld({ apps: 1 });
    const broken = await sync(w2, { snapshot: false });
    expect(broken.status).toBe("partial");
    expect(broken.counters).toMatchObject({ appsFailed: 0, instancesFailed: 40, instancesImported: 0 });
    expect((broken.counters.notes as string[])[0]).toMatch(/could not be downloaded \(500: Injected failure\)/);
  });

  it("a checksum mismatch is re-listed once; a persistent one fails the instance (partial, nothing stored for it) and the next run reads it", async () => {
    apple.sim.addFault({ endpoint: "asc.analyticsReportInstances.segments", kind: "bad_checksum", count: 1 });
    const w = await createAnalyticsWorld({ apps: 1 });
    const once = await sync(w, { snapshot: false });
    expect(once.counters).toMatchObject({ checksumMismatches: 1, urlRefreshes: 1, instancesImported: 40 });

    apple.sim.reset();
    const w2 = await createAnalyticsWorld({ apps: 1 });
    apple.sim.addFault({ endpoint: "asc.analyticsReportInstances.segments", kind: "bad_checksum" });
    const bad = await sync(w2, { snapshot: false });
    expect(bad.status).toBe("partial");
    expect(bad.counters).toMatchObject({ instancesFailed: 40, instancesImported: 0, rowsInserted: 0 });
    expect(bad.error).toMatch(/40 report files could not be read and are read again on the next run/);
    expect((bad.counters.notes as string[])[0]).toMatch(/does not match its checksum/);
    apple.sim.clearFaults();
    const next = await sync(w2, { snapshot: false, now: later(1) });
    expect(next.status).toBe("succeeded");
    expect(next.counters).toMatchObject({ instancesImported: 40, instancesFailed: 0 });
  });

  it("429 and 500 are retried with backoff; a 500 that persists makes the app fail with Apple's answer", async () => {
    apple.sim.addFault({ endpoint: "asc.analyticsReports.instances", kind: "429", count: 1 });
    apple.sim.addFault({ endpoint: "asc.analyticsReportRequests.reports", kind: "500", count: 1 });
    const w = await createAnalyticsWorld({ apps: 1 });
    const ok = await sync(w, { snapshot: false });
    expect(ok.status).toBe("succeeded");
    expect(ok.counters).toMatchObject({ rateLimitWaits: 1, instancesImported: 40 });
    expect(ok.counters.retries).toBeGreaterThanOrEqual(1);

    apple.sim.reset();
    apple.sim.addFault({ endpoint: "asc.apps.analyticsReportRequests", kind: "500" });
    const w2 = await createAnalyticsWorld({ apps: 1 });
    const failed = await sync(w2, { snapshot: false });
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/^Breeze Weather: App Store Connect 500 UNEXPECTED_ERROR: /);
    expect(posts()).toHaveLength(0);
  });

  it("the UNCONFIRMED behaviours switched the other way (another crashes name, the checksum of the text, 3-letter territories) and instances in three segments", async () => {
    apple.sim.analytics.update({ behaviours: { crashesReportName: "App Crashes Standard", checksumOf: "text", territoryFormat: "alpha3", shuffleColumns: false }, segmentsPerInstance: 3 });
    const w = await createAnalyticsWorld({ apps: 1 });
    const result = await sync(w, { snapshot: false });
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ instancesImported: 40, segments: 120, checksumMismatches: 0, reportsMissing: 0 });
    const day = addDays(LATEST, -3);
    expect(await metric(w.weatherId, "downloads", day, "first_time_downloads")).toBe(finalDownloads(day, "First-time Download"));
    const territories = await q<{ territory: string }>(`SELECT DISTINCT territory FROM analytics_daily_metrics WHERE app_id = $1 AND report = 'downloads' ORDER BY 1`, [w.weatherId]);
    expect(territories.map((t) => t.territory)).toEqual(["DEU", "USA"]);
  });
});

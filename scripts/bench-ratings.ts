// `npm run bench:ratings`: a year of per-storefront history (60 apps × 175 storefronts × 365 days) seeded
// with generate_series into a fresh embedded PostgreSQL (with a year of the per-app Sales rollup the app cards read),
// one full ratings sync of the 60 apps against the Apple simulator with pacing off, then p50/p95 of the four
// dashboard reads. Last line: one JSON object.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startAppleSim } from "../tools/apple-sim";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";

const APPS = Number(process.env.BENCH_APPS ?? 60);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 60);
const TRACK_BASE = 6_100_000_000;
const log = (line: string) => console.error(`bench: ${line}`);

const dir = await mkdtemp(path.join(os.tmpdir(), "starboard-bench-"));
const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), password: "bench", persistent: false });
const apple = await startAppleSim();
// The configuration the app code reads (lib/env.ts): this database, the simulator for iTunes, pacing off.
process.env.DATABASE_URL = pg.url;
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00";
process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 1).toString("base64");
process.env.ITUNES_BASE_URL = apple.itunesBaseUrl;
process.env.ITUNES_CALLS_PER_MINUTE = "0";
await migrate(pg.url);

const { db, closeDb } = await import("../lib/db");
const { STOREFRONT_CODES } = await import("../lib/apple/storefronts");
const { syncRatings } = await import("../lib/sync/ratings/sync-ratings");
const { inlineSteps } = await import("../lib/sync/steps");
const { resolveAccess } = await import("../lib/auth/access");
const { listAppCards } = await import("../lib/data/apps");
const { appDownloadSparklines } = await import("../lib/data/sales/sparklines");
const { ratingsSyncStatus } = await import("../lib/data/ratings/ratings-sync-status");
const { appCountryRatings } = await import("../lib/data/ratings/app-country-ratings");
const { projectCountryRatings } = await import("../lib/data/ratings/project-country-ratings");
const { appRatingHistory } = await import("../lib/data/ratings/rating-history");

try {
  // Tenancy: one team, one owner, one project with 60 Apple apps that already know their App Store ids.
  const user = await db.user.create({ data: { email: "bench@example.test", name: "Bench" } });
  const team = await db.team.create({ data: { name: "Bench team", members: { create: { userId: user.id, role: "owner" } } } });
  const project = await db.project.create({ data: { teamId: team.id, name: "Bench project" } });
  for (let i = 1; i <= APPS; i++) {
    const bundleId = `com.bench.app${String(i).padStart(3, "0")}`;
    await db.app.create({ data: { teamId: team.id, projectId: project.id, name: `Bench ${i}`, platform: "apple", bundleId, appleAppStoreId: BigInt(TRACK_BASE + i) } });
    apple.sim.addApp({
      trackId: TRACK_BASE + i,
      bundleId,
      name: `Bench ${i}`,
      storefronts: { all: { averageRating: 3.6 + (i % 14) / 10, ratingCount: 40_000 + i * 97, currentVersionAverageRating: 4.1, currentVersionRatingCount: 300 + i } },
    });
  }

  let started = performance.now();
  // Bulk load as a restore would: drop the secondary indexes (definitions kept from the migrations), load
  // in key order, rebuild each index in one sort. Inserting 3.8M rows through 5 live indexes takes minutes.
  const indexes = await db.$queryRaw<{ indexname: string; indexdef: string }[]>`
    SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'app_store_ratings' AND indexname <> 'app_store_ratings_pkey'`;
  for (const ix of indexes) await db.$executeRawUnsafe(`DROP INDEX "${ix.indexname}"`);
  // Unlogged in this throwaway database: writing a year of history through the WAL (and again to make it logged)
  // took longer than every measurement together. Reads are unaffected; the sync's 10.5k-row upsert barely is.
  await db.$executeRawUnsafe("ALTER TABLE app_store_ratings SET UNLOGGED");
  // Counts grow by a per-(app, country) step each day; the first day has no delta, like a first sync.
  const inserted = await db.$executeRaw`
    INSERT INTO app_store_ratings (team_id, project_id, app_id, store, country_code, snapshot_date, average_rating, rating_count,
      current_version_average_rating, current_version_rating_count, app_version, rating_count_delta, is_latest)
    SELECT a.team_id, a.project_id, a.id, 'app_store', c.code, (now() AT TIME ZONE 'UTC')::date - d.n,
      round(3.2 + ((h.v % 170) / 100.0), 2),
      50 + (h.v % 20000) + (h.v % 9 + 1) * (${DAYS}::int - d.n),
      round(3.0 + ((h.v % 190) / 100.0), 2),
      5 + (h.v % 300),
      '1.0.' || (d.n / 30)::text,
      CASE WHEN d.n = ${DAYS}::int THEN NULL ELSE h.v % 9 + 1 END,
      d.n = 1
    FROM apps a
    CROSS JOIN unnest(${STOREFRONT_CODES as string[]}::text[]) AS c(code)
    CROSS JOIN LATERAL (SELECT abs(hashtext(a.id::text || c.code)) AS v) h
    CROSS JOIN generate_series(${DAYS}::int, 1, -1) AS d(n)
    WHERE a.project_id = ${project.id}::uuid`;
  log(`inserted ${inserted.toLocaleString("en-US")} rows in ${Math.round(performance.now() - started)} ms`);
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL maintenance_work_mem = '256MB'");
      for (const ix of indexes) await tx.$executeRawUnsafe(ix.indexdef);
    },
    { timeout: 600_000, maxWait: 10_000 },
  );
  log(`seeded ${inserted.toLocaleString("en-US")} rows and rebuilt ${indexes.length} indexes in ${Math.round(performance.now() - started)} ms`);
  await db.$executeRaw`
    INSERT INTO app_worldwide_ratings (app_id, snapshot_date, team_id, project_id, average_rating, rating_count,
      current_version_average_rating, current_version_rating_count, rating_count_delta, countries)
    SELECT app_id, snapshot_date, team_id, project_id, round(sum(average_rating * rating_count) / sum(rating_count), 2), sum(rating_count),
      round(sum(current_version_average_rating * current_version_rating_count) / sum(current_version_rating_count), 2),
      sum(current_version_rating_count), sum(rating_count_delta), count(*)
    FROM app_store_ratings WHERE project_id = ${project.id}::uuid
    GROUP BY app_id, snapshot_date, team_id, project_id`;
  await db.$executeRawUnsafe("VACUUM (ANALYZE) app_store_ratings");
  await db.$executeRawUnsafe("VACUUM (ANALYZE) app_worldwide_ratings");
  // A year of Sales report days as the reports sync leaves them (a file row per day, the per-app rollup in three
  // currencies), so the project page's 30-day downloads per app card read what they read in production.
  await db.$executeRaw`
    INSERT INTO asc_report_files (team_id, project_id, kind, report_type, frequency, report_date, request_label, status, rows, rows_written)
    SELECT ${team.id}::uuid, ${project.id}::uuid, 'sales', 'SALES', 'DAILY', (now() AT TIME ZONE 'UTC')::date - d.n, ((now() AT TIME ZONE 'UTC')::date - d.n)::text, 'imported', 20000, 20000
    FROM generate_series(${DAYS}::int, 1, -1) AS d(n)`;
  const salesRows = await db.$executeRaw`
    INSERT INTO sales_app_days (project_id, app_id, report_date, proceeds_currency, team_id, downloads, redownloads, updates, in_app_purchases, subscriptions, other_units, proceeds)
    SELECT a.project_id, a.id, (now() AT TIME ZONE 'UTC')::date - d.n, c.code, a.team_id, 50 + (h.v + d.n) % 400, (h.v + d.n) % 60, 100 + (h.v + d.n) % 900, (h.v + d.n) % 30, (h.v + d.n) % 12, 0, ((h.v + d.n) % 9000) / 100.0
    FROM apps a
    CROSS JOIN unnest(ARRAY['EUR', 'JPY', 'USD']) AS c(code)
    CROSS JOIN LATERAL (SELECT abs(hashtext(a.id::text || c.code)) AS v) h
    CROSS JOIN generate_series(${DAYS}::int, 1, -1) AS d(n)
    WHERE a.project_id = ${project.id}::uuid`;
  await db.$executeRawUnsafe("VACUUM (ANALYZE) sales_app_days");
  await db.$executeRawUnsafe("VACUUM (ANALYZE) asc_report_files");
  log(`sales rollup: ${salesRows.toLocaleString("en-US")} rows`);
  log(`history ready in ${Math.round(performance.now() - started)} ms`);

  // A full sync of every storefront for the 60 apps, pacing off.
  const before = apple.sim.counters.byEndpoint["itunes.lookup"] ?? 0;
  started = performance.now();
  const result = await syncRatings({ projectId: project.id, trigger: "cli", steps: inlineSteps, itunes: { maxRetries: 1 } });
  const syncWallMs = Math.round(performance.now() - started);
  const itunesRequests = (apple.sim.counters.byEndpoint["itunes.lookup"] ?? 0) - before;
  log(`sync ${result.status} in ${syncWallMs} ms: ${JSON.stringify(result.counters)}`);
  if (result.status !== "succeeded") throw new Error(`the sync ended ${result.status}: ${result.error}`);
  const snapshotRows = await db.appStoreRating.count();

  const projectCtx = await resolveAccess({ kind: "user", userId: user.id }, { projectId: project.id }, "reviews:read");
  const apps = await db.app.findMany({ where: { projectId: project.id }, select: { id: true }, orderBy: { id: "asc" } });
  const appCtxs = await Promise.all(apps.map((a) => resolveAccess({ kind: "user", userId: user.id }, { appId: a.id }, "reviews:read")));
  const pick = (i: number) => appCtxs[i % appCtxs.length];

  async function measure(name: string, fn: (i: number) => Promise<unknown>) {
    for (let i = 0; i < 5; i++) await fn(i); // warm-up
    const times: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const t = performance.now();
      await fn(i);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] * 10) / 10;
    log(`${name}: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms`);
    return { p50: q(0.5), p95: q(0.95) };
  }
  const projectPage = await measure("project page (app cards with their 30-day downloads + sync status)", () =>
    Promise.all([listAppCards(projectCtx), appDownloadSparklines(projectCtx), ratingsSyncStatus(projectCtx)]),
  );
  // The same page without the downloads, measured in the same run (same machine load): what the sparklines cost.
  await measure("project page without the 30-day downloads (as before them)", () => Promise.all([listAppCards(projectCtx), ratingsSyncStatus(projectCtx)]));
  await measure("the app cards' 30-day downloads alone", () => appDownloadSparklines(projectCtx));
  const grid = await measure("one app's country grid", (i) => appCountryRatings(pick(i)));
  const byCountry = await measure("project by country", () => projectCountryRatings(projectCtx));
  const history = await measure("history, 365 days (worldwide and one country, alternating)", (i) =>
    appRatingHistory(pick(i), { days: 365, country: i % 2 === 0 ? null : STOREFRONT_CODES[i % STOREFRONT_CODES.length] }),
  );

  const chunk = 100;
  log(`iTunes calls: ${itunesRequests} (budget 175 × ceil(${APPS}/${chunk}) = ${175 * Math.ceil(APPS / chunk)}; one app per call would be ${175 * APPS})`);
  console.log(
    JSON.stringify({
      apps: APPS,
      snapshot_rows: snapshotRows,
      itunes_requests: itunesRequests,
      sync_wall_ms: syncWallMs,
      project_page_p50_ms: projectPage.p50,
      project_page_p95_ms: projectPage.p95,
      app_grid_p50_ms: grid.p50,
      app_grid_p95_ms: grid.p95,
      project_by_country_p50_ms: byCountry.p50,
      project_by_country_p95_ms: byCountry.p95,
      history_p50_ms: history.p50,
      history_p95_ms: history.p95,
    }),
  );
} finally {
  await apple.stop();
  await closeDb();
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
}

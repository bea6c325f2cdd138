// `npm run bench:analytics`: a year of DAILY analytics instances (five standard reports) for 20 apps from the Apple
// simulator (its own process, so RSS measures Starboard's side) with pacing off, the simulator publishing 10
// duplicate instances and leaving 10 dates unpublished, into a fresh embedded PostgreSQL; then an unchanged re-sync
// (rows rewritten counted by xmin) and p50/p95 of one app's 90-day funnel. The last line is one JSON object.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const APPS = Number(process.env.BENCH_APPS ?? 20);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const TERRITORIES = Number(process.env.BENCH_TERRITORIES ?? 6);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 40);
const LATEST = "2026-03-31";
const NOW = "2026-03-31T18:00:00.000Z";
const ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
const REPORTS = ["App Downloads Standard", "App Store Discovery and Engagement Standard", "App Sessions Standard", "App Store Installation and Deletion Standard", "App Crashes"];
const log = (line: string) => console.log(line);

const dir = await mkdtemp(path.join(os.tmpdir(), "starboard-bench-analytics-"));
const { startEmbeddedPostgres, freePort } = await import("../lib/db/embedded");
const { migrate } = await import("../lib/db/migrate");
const { addDays } = await import("../lib/apple/asc/reports/values");
const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), password: randomBytes(12).toString("hex"), persistent: false });
await migrate(pg.url);
process.env.DATABASE_URL = pg.url;
process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
process.env.AUTH_SECRET = randomBytes(32).toString("base64url");

// ---- the simulator, in its own process: 10 duplicates, each followed by a date never published ----
const appleIds = Array.from({ length: APPS }, (_, i) => String(1_700_000_001 + i));
const faults = Array.from({ length: 10 }, (_, i) => ({ day: addDays(LATEST, -(20 + i * Math.floor((DAYS - 40) / 10))), appleId: appleIds[i % APPS], report: REPORTS[i % REPORTS.length] }));
const simPort = await freePort();
const scenarioFile = path.join(dir, "scenario.json");
const keyFile = path.join(dir, "AuthKey_BENCHKEY01.p8");
await writeFile(
  scenarioFile,
  JSON.stringify({
    keys: [{ keyId: "BENCHKEY01", issuerId: ISSUER, type: "team" }],
    analytics: {
      apps: appleIds.map((appleId, i) => ({ appleId, name: `Sample App ${i + 1}`, weight: 0.5 + (i % 4) / 2 })),
      latestProcessingDate: LATEST,
      retentionDays: DAYS,
      territories: TERRITORIES,
      existingRequests: appleIds,
      duplicateInstances: faults.map((f) => ({ ...f })),
      neverPublished: faults,
    },
  }),
);
const sim = spawn(process.execPath, ["--import", "tsx", "tools/apple-sim/cli.ts", "--port", String(simPort), "--scenario", scenarioFile, "--write-key", keyFile, "--options", JSON.stringify({ publishDelayMs: null, ascHourlyLimit: 10_000_000 })], {
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, NODE_OPTIONS: "" },
});
await new Promise<void>((resolve, reject) => {
  let out = "";
  sim.stdout.on("data", (c) => {
    out += c;
    if (out.includes("Wrote the private key")) resolve();
  });
  sim.once("exit", () => reject(new Error(`simulator exited:\n${out}`)));
});
process.env.ASC_BASE_URL = `http://127.0.0.1:${simPort}`;
// Pacing off: the budget measures the import, not Apple's rate limit.
process.env.ASC_REPORTS_CALLS_PER_MINUTE = "0";

const { db, closeDb, sqlPool } = await import("../lib/db");
const { sealPrivateKey } = await import("../lib/data/integrations/credentials");
const { syncAnalytics } = await import("../lib/sync/analytics/sync-analytics");
const { appFunnelDaily } = await import("../lib/data/analytics/app-funnel");
const { inlineSteps } = await import("../lib/sync/steps");
type AppAccess = import("../lib/auth/access").AppAccess;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
async function timed(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

try {
  const team = await db.team.create({ data: { name: "Bench" } });
  const project = await db.project.create({ data: { teamId: team.id, name: "Analytics" } });
  const apps = [];
  for (const [i, appleId] of appleIds.entries()) {
    apps.push(await db.app.create({ data: { teamId: team.id, projectId: project.id, name: `Sample App ${i + 1}`, platform: "apple", bundleId: `com.example.sample${i + 1}`, appleAppStoreId: BigInt(appleId) } }));
  }
  await db.integration.create({ data: { teamId: team.id, projectId: project.id, keyType: "team", issuerId: ISSUER, keyId: "BENCHKEY01", privateKeyCiphertext: sealPrivateKey(project.id, await readFile(keyFile, "utf8")) } });

  // ---- 1. ingest ------------------------------------------------------------------------------
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  let t = performance.now();
  const ingest = await syncAnalytics({ projectId: project.id, trigger: "cli", steps: inlineSteps, now: NOW, snapshot: false });
  const ingestMs = performance.now() - t;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const c = ingest.counters as Record<string, number>;
  const [{ stored }] = (await sqlPool().query<{ stored: number }>(`SELECT count(*)::int AS stored FROM analytics_daily_metrics WHERE project_id = $1`, [project.id])).rows as [{ stored: number }];
  log(`ingest: ${c.instancesImported} instances (${c.duplicatesSkipped} duplicates skipped), ${c.rowsRead.toLocaleString("en-US")} report rows → ${stored.toLocaleString("en-US")} metric rows in ${(ingestMs / 1000).toFixed(1)} s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB (baseline ${(baselineRss / 2 ** 20).toFixed(0)} MB), ${c.gaps} gaps, ${c.requests} API calls, status ${ingest.status}${ingest.error ? `: ${ingest.error}` : ""}`);

  // ---- 2. unchanged re-sync ---------------------------------------------------------------------
  const [{ x }] = (await sqlPool().query<{ x: string }>(`SELECT txid_current()::text AS x`)).rows as [{ x: string }];
  t = performance.now();
  const resync = await syncAnalytics({ projectId: project.id, trigger: "cli", steps: inlineSteps, now: NOW, snapshot: false });
  const resyncMs = performance.now() - t;
  const [{ n: rewritten }] = (
    await sqlPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT xmin FROM analytics_daily_metrics WHERE project_id = $1 UNION ALL SELECT xmin FROM analytics_app_days WHERE project_id = $1 UNION ALL SELECT xmin FROM analytics_coverage WHERE project_id = $1 UNION ALL
         SELECT xmin FROM analytics_instances WHERE project_id = $1 UNION ALL SELECT xmin FROM analytics_request_states WHERE project_id = $1) s
       WHERE xmin::text::bigint > $2`,
      [project.id, x],
    )
  ).rows as [{ n: number }];
  log(`unchanged re-sync: ${(resyncMs / 1000).toFixed(1)} s, ${rewritten} rows rewritten (${(resync.counters as Record<string, number>).instancesAlreadyRead} instances already read)`);

  // ---- 3. reads ----------------------------------------------------------------------------------
  const ctx: AppAccess = { caller: { kind: "user", userId: "bench" }, actorUserId: null, level: "app", teamId: team.id, projectId: project.id, appId: apps[0].id, role: "owner", permissions: new Set() };
  let funnelDays = 0;
  const funnel = await timed(async () => (funnelDays = (await appFunnelDaily(ctx, { from: addDays(LATEST, -90), to: addDays(LATEST, -1) })).length));
  log(`funnel (one app, ${funnelDays} days): p50 ${funnel.p50.toFixed(1)} ms, p95 ${funnel.p95.toFixed(1)} ms; timeline: not built yet`);

  const result = {
    apps: APPS,
    days: DAYS,
    rows: c.rowsRead,
    ingest_wall_ms: Math.round(ingestMs),
    ingest_peak_rss_mb: Math.round(peakRss / 2 ** 20),
    duplicates_skipped: c.duplicatesSkipped,
    gaps_detected: c.gaps,
    resync_rows_rewritten: rewritten,
    funnel_p95_ms: Math.round(funnel.p95 * 10) / 10,
    timeline_p95_ms: null,
    load_avg_1m: Number(os.loadavg()[0].toFixed(1)),
  };
  const budgets = [result.ingest_wall_ms <= 120_000, result.ingest_peak_rss_mb <= 300, result.duplicates_skipped === 10, result.gaps_detected === 10, rewritten === 0, result.funnel_p95_ms <= 100];
  if (budgets.includes(false)) log("BUDGET MISSED: see the figures above");
  log(`machine load (1-minute average, ${os.cpus().length} cores): ${result.load_avg_1m}`);
  console.log(JSON.stringify(result));
  process.exitCode = budgets.includes(false) ? 1 : 0;
} finally {
  sim.kill("SIGTERM");
  await closeDb();
  await pg.stop();
  await rm(dir, { recursive: true, force: true }).catch(() => {});
}

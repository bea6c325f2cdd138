// `npm run bench:sales`: a backfill of 365 daily Sales reports for 100 apps (about 20,000 rows a day, ~7.3M rows)
// from the Apple simulator (its own process, so RSS measures Starboard's side) with pacing off, into a fresh
// embedded PostgreSQL; then an unchanged re-import of one day (rows rewritten counted by xmin), and p50/p95 of the
// dashboard reads. The last line is one JSON object.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const APPS = Number(process.env.BENCH_APPS ?? 100);
const ROWS_PER_DAY = Number(process.env.BENCH_ROWS_PER_DAY ?? 20_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 40);
const LATEST_DAY = "2026-03-30";
const NOW = "2026-03-31T18:00:00.000Z";
const VENDOR = "85012345";
const ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
const log = (line: string) => console.log(line);

const dir = await mkdtemp(path.join(os.tmpdir(), "starboard-bench-sales-"));
const { startEmbeddedPostgres, freePort } = await import("../lib/db/embedded");
const { migrate } = await import("../lib/db/migrate");
const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), password: randomBytes(12).toString("hex"), persistent: false });
await migrate(pg.url);
process.env.DATABASE_URL = pg.url;
process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
process.env.AUTH_SECRET = randomBytes(32).toString("base64url");

// ---- the simulator, in its own process -------------------------------------------------------
const simPort = await freePort();
const scenarioFile = path.join(dir, "scenario.json");
const keyFile = path.join(dir, "AuthKey_BENCHKEY01.p8");
await writeFile(
  scenarioFile,
  JSON.stringify({
    keys: [{ keyId: "BENCHKEY01", issuerId: ISSUER, type: "team" }],
    reports: { vendorNumber: VENDOR, latestDay: LATEST_DAY, retentionDays: DAYS, generatedApps: APPS, rowsPerDay: ROWS_PER_DAY, seed: 5 },
  }),
);
const sim = spawn(process.execPath, ["--import", "tsx", "tools/apple-sim/cli.ts", "--port", String(simPort), "--scenario", scenarioFile, "--write-key", keyFile, "--options", JSON.stringify({ publishDelayMs: null, ascHourlyLimit: 1_000_000 })], {
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
const simUrl = `http://127.0.0.1:${simPort}`;
process.env.ASC_BASE_URL = simUrl;
// Pacing off: the budget measures the import, not Apple's rate limit.
process.env.ASC_REPORTS_CALLS_PER_MINUTE = "0";

const { db, closeDb, sqlPool } = await import("../lib/db");
const { sealPrivateKey } = await import("../lib/data/integrations/credentials");
const { syncSalesReports } = await import("../lib/sync/sales/sync-sales");
const { inlineSteps } = await import("../lib/sync/steps");
const { addDays } = await import("../lib/apple/asc/reports/values");
const { syncFinanceReports } = await import("../lib/sync/sales/sync-finance");
const { salesByDay } = await import("../lib/data/sales/by-day");
const { salesByCountry } = await import("../lib/data/sales/by-country");
const { salesByApp } = await import("../lib/data/sales/by-app");
const { PRODUCT_TYPE_CODES } = await import("../lib/operations/sales/sales-range");
type ProjectAccess = import("../lib/auth/access").ProjectAccess;

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
  const project = await db.project.create({ data: { teamId: team.id, name: "Sales" } });
  for (let i = 0; i < APPS; i++) {
    await db.app.create({ data: { teamId: team.id, projectId: project.id, name: `Sample App ${i + 1}`, platform: "apple", bundleId: `com.example.sample${i + 1}`, appleAppStoreId: BigInt(1_700_000_001 + i) } });
  }
  await db.integration.create({
    data: { teamId: team.id, projectId: project.id, keyType: "team", issuerId: ISSUER, keyId: "BENCHKEY01", privateKeyCiphertext: sealPrivateKey(project.id, await readFile(keyFile, "utf8")), vendorNumber: VENDOR },
  });

  // ---- 1. backfill ------------------------------------------------------------------------------
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  let t = performance.now();
  const backfill = await syncSalesReports({ projectId: project.id, trigger: "cli", steps: inlineSteps, mode: "backfill", now: NOW, concurrency: CONCURRENCY });
  const backfillMs = performance.now() - t;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const c = backfill.counters as Record<string, number>;
  const [{ facts }] = (await sqlPool().query<{ facts: number }>(`SELECT count(*)::int AS facts FROM sales_daily_facts WHERE project_id = $1`, [project.id])).rows as [{ facts: number }];
  log(`backfill: ${c.done} days, ${c.rowsRead.toLocaleString("en-US")} report rows → ${facts.toLocaleString("en-US")} facts in ${(backfillMs / 1000).toFixed(1)} s (${Math.round(c.rowsRead / (backfillMs / 1000)).toLocaleString("en-US")} rows/s), peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB (baseline ${(baselineRss / 2 ** 20).toFixed(0)} MB), status ${backfill.status}${backfill.error ? `: ${backfill.error}` : ""}`);

  // ---- 2. re-import of an unchanged day ---------------------------------------------------------
  const day = addDays(LATEST_DAY, -10);
  const snapshot = `SELECT count(*)::int AS n FROM (
    SELECT xmin FROM sales_daily_facts WHERE project_id = $1 AND report_date = $2 UNION ALL
    SELECT xmin FROM sales_app_days WHERE project_id = $1 AND report_date = $2 UNION ALL
    SELECT xmin FROM sales_country_days WHERE project_id = $1 AND report_date = $2 UNION ALL
    SELECT xmin FROM sales_project_days WHERE project_id = $1 AND report_date = $2) x WHERE xmin::text::bigint > $3`;
  const [{ x }] = (await sqlPool().query<{ x: string }>(`SELECT txid_current()::text AS x`)).rows as [{ x: string }];
  // The same content in another row order: another checksum, so the merge itself runs and must change nothing.
  await fetch(`${simUrl}/__sim/reports`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ behaviours: { shuffleRows: true } }) });
  t = performance.now();
  const resync = await syncSalesReports({ projectId: project.id, trigger: "cli", steps: inlineSteps, mode: "daily", now: NOW, days: [day] });
  const resyncMs = performance.now() - t;
  const [{ n: rewritten }] = (await sqlPool().query<{ n: number }>(snapshot, [project.id, day, x])).rows as [{ n: number }];
  log(`re-import of ${day} (same rows, shuffled): ${resyncMs.toFixed(0)} ms, ${rewritten} rows rewritten (counters ${JSON.stringify({ imported: resync.counters.imported, rowsInserted: resync.counters.rowsInserted, rowsUpdated: resync.counters.rowsUpdated, rowsDeleted: resync.counters.rowsDeleted })})`);

  // ---- 3. reads, with the last twelve fiscal months' finance data so proceeds are converted ------
  const finance = await syncFinanceReports({ projectId: project.id, trigger: "cli", steps: inlineSteps, now: NOW });
  log(`finance: ${finance.status}, ${JSON.stringify({ imported: finance.counters.imported, failed: finance.counters.failed })}`);
  const ctx: ProjectAccess = { caller: { kind: "user", userId: "bench" }, actorUserId: null, level: "project", teamId: team.id, projectId: project.id, role: "owner", permissions: new Set() };
  const [{ payout }] = (await sqlPool().query<{ payout: string | null }>(`SELECT max(payout_currency) AS payout FROM finance_exchange_rates WHERE project_id = $1`, [project.id])).rows as [{ payout: string | null }];
  let chartDays = 0;
  const chart = await timed(async () => (chartDays = (await salesByDay(ctx, { from: addDays(LATEST_DAY, -364), to: LATEST_DAY }, payout)).length));
  let countries = 0;
  const byCountry = await timed(async () => (countries = (await salesByCountry(ctx, { from: addDays(LATEST_DAY, -29), to: LATEST_DAY }, payout)).length));
  const byApp = await timed(() => salesByApp(ctx, { from: addDays(LATEST_DAY, -29), to: LATEST_DAY }, payout));
  const someApp = (await db.app.findFirstOrThrow({ where: { projectId: project.id }, orderBy: { name: "asc" }, select: { id: true } })).id;
  const appByCountry = await timed(() => salesByCountry(ctx, { from: addDays(LATEST_DAY, -29), to: LATEST_DAY }, payout, { appId: someApp, codes: PRODUCT_TYPE_CODES }));
  log(`chart (project, 365 days, by day, ${chartDays} days, converted to ${payout}): p50 ${chart.p50.toFixed(1)} ms, p95 ${chart.p95.toFixed(1)} ms; by country (project, 30 days, ${countries} countries): p50 ${byCountry.p50.toFixed(1)} ms, p95 ${byCountry.p95.toFixed(1)} ms`);
  log(`by app (project, 30 days): p50 ${byApp.p50.toFixed(1)} ms, p95 ${byApp.p95.toFixed(1)} ms; one app by country (30 days, from the facts): p50 ${appByCountry.p50.toFixed(1)} ms, p95 ${appByCountry.p95.toFixed(1)} ms`);
  const measured = { chart_p95_ms: Math.round(chart.p95 * 10) / 10, by_country_p95_ms: Math.round(byCountry.p95 * 10) / 10 };

  const budgets = [backfillMs <= 120_000, peakRss / 2 ** 20 <= 300, rewritten === 0, measured.chart_p95_ms <= 100, measured.by_country_p95_ms <= 150];
  if (budgets.includes(false)) log("BUDGET MISSED: see the figures above");
  const load = os.loadavg()[0];
  log(`machine load (1-minute average, ${os.cpus().length} cores): ${load.toFixed(1)}`);
  console.log(
    JSON.stringify({
      apps: APPS,
      days: c.done,
      rows: c.rowsRead,
      facts,
      backfill_wall_ms: Math.round(backfillMs),
      backfill_peak_rss_mb: Math.round(peakRss / 2 ** 20),
      resync_rows_rewritten: rewritten,
      ...measured,
      load_avg_1m: Number(load.toFixed(1)),
    }),
  );
  process.exitCode = budgets.includes(false) ? 1 : 0;
} finally {
  sim.kill("SIGTERM");
  await closeDb();
  await pg.stop();
  await rm(dir, { recursive: true, force: true }).catch(() => {});
}

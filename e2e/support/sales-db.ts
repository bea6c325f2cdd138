// Beside the running dashboard (its database, like `npm run job`): `sync <projectId> <vendorNumber>` gives the
// project's App Store Connect integration the vendor number and runs the sales backfill and the finance sync against
// ASC_BASE_URL; `expected <projectId> <from> <to>` prints what the Downloads & revenue page must show, computed
// straight from the stored report facts (not through the code the page uses). Run with
// `tsx --conditions=react-server e2e/support/sales-db.ts …` and STARBOARD_DATA_DIR set to the dashboard's folder.
import { prepareLocalRuntime } from "../../lib/runtime/local";

const [mode, projectId, ...rest] = process.argv.slice(2);
const runtime = await prepareLocalRuntime({ log: (line) => console.error(`sales-db: ${line}`), share: true });
const { sqlPool, closeDb } = await import("../../lib/db");
const { codesOf } = await import("../../lib/apple/asc/reports/product-types");

async function sync(vendorNumber: string) {
  const updated = await sqlPool().query(`UPDATE integrations SET vendor_number = $2 WHERE project_id = $1`, [projectId, vendorNumber]);
  if (updated.rowCount !== 1) throw new Error(`project ${projectId} has no App Store Connect integration`);
  const { syncJobOf } = await import("../../lib/jobs/registry");
  const { inlineSteps } = await import("../../lib/sync/steps");
  const results: Record<string, unknown> = {};
  for (const job of ["app_store_sales_backfill", "app_store_finance_sync"] as const) {
    const result = await (await syncJobOf(job).handler())({ projectId, trigger: "cli", steps: inlineSteps });
    if (result.status === "failed") throw new Error(`${job} failed: ${result.error}`);
    results[job] = { status: result.status, counters: result.counters };
  }
  return results;
}

async function expected(from: string, to: string) {
  const pool = sqlPool();
  const downloads = codesOf("downloads");
  const facts = `FROM sales_daily_facts f JOIN sales_identifiers i ON i.project_id = f.project_id AND i.apple_identifier = f.apple_identifier AND i.app_id IS NOT NULL
    WHERE f.project_id = $1 AND f.product_type = ANY($2)`;
  const days = await pool.query<{ date: string; state: string | null; downloads: string | null }>(
    `SELECT d::date::text AS date, r.status::text AS state, (SELECT sum(f.units)::text ${facts} AND f.report_date = d::date) AS downloads
     FROM generate_series($3::date, $4::date, interval '1 day') d
     LEFT JOIN asc_report_files r ON r.project_id = $1 AND r.kind = 'sales' AND r.frequency = 'DAILY' AND r.region_code = '' AND r.report_date = d::date
     ORDER BY d`,
    [projectId, downloads, from, to],
  );
  const countries = await pool.query<{ country: string; downloads: string }>(
    `SELECT lower(f.country_code) AS country, sum(f.units)::text AS downloads ${facts} AND f.report_date BETWEEN $3 AND $4 GROUP BY 1 ORDER BY sum(f.units) DESC, 1`,
    [projectId, downloads, from, to],
  );
  const [{ latest }] = (
    await pool.query<{ latest: string }>(
      `SELECT max(report_date)::text AS latest FROM asc_report_files WHERE project_id = $1 AND kind = 'sales' AND frequency = 'DAILY' AND status IN ('imported', 'no_sales')`,
      [projectId],
    )
  ).rows;
  const total = async (days: number) =>
    (await pool.query<{ n: string | null }>(`SELECT sum(f.units)::text AS n ${facts} AND f.report_date BETWEEN $3::date - $4::int AND $3::date`, [projectId, downloads, latest, days - 1])).rows[0].n;
  const apps = await pool.query<{ name: string; last30: string | null }>(
    `SELECT a.name, (SELECT sum(f.units)::text ${facts} AND i.app_id = a.id AND f.report_date BETWEEN $3::date - 29 AND $3::date) AS last30
     FROM apps a WHERE a.project_id = $1 ORDER BY a.name`,
    [projectId, downloads, latest],
  );
  return { latest, days: days.rows, countries: countries.rows, last7: await total(7), last30: await total(30), apps: apps.rows };
}

let exitCode = 1;
try {
  const output = mode === "sync" ? await sync(rest[0]) : mode === "expected" ? await expected(rest[0], rest[1]) : null;
  if (!output) throw new Error(`usage: sales-db.ts sync <projectId> <vendorNumber> | expected <projectId> <from> <to>`);
  console.log(JSON.stringify(output));
  exitCode = 0;
} catch (error) {
  console.error(`sales-db: ${(error as Error).message}`);
} finally {
  await closeDb();
  await runtime.stop();
}
process.exit(exitCode);

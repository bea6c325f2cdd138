import "server-only";
// Per-day rollups of the facts of the project's own apps (identifiers that map to an app), by app, by country and
// for the project, per currency of proceeds. Rebuilt for the given days set-wise: rows that come out the same are
// not rewritten, rows no longer produced are deleted.
import type pg from "pg";
import { codesOf, SALES_BUCKETS } from "@/lib/apple/asc/reports";

const METRICS = ["downloads", "redownloads", "updates", "in_app_purchases", "subscriptions", "other_units", "proceeds"] as const;

/** Product type → bucket number (salesBucketNumber: 1 downloads … 5 subscriptions, 6 other); the five code arrays are parameters from `first` on. */
const BUCKET_OF = (column: string, first: number) =>
  `CASE ${[1, 2, 3, 4, 5].map((b) => `WHEN ${column} = ANY($${first + b - 1}::text[]) THEN ${b}`).join(" ")} ELSE 6 END`;

const SUMS = METRICS.slice(0, 6)
  .map((m, i) => `coalesce(sum(f.units) FILTER (WHERE f.bucket = ${i + 1}), 0) AS ${m}`)
  .concat("sum(f.proceeds) AS proceeds")
  .join(",\n  ");

/**
 * Where the rows come from: the stored facts of the given days, or — right after a day was stored, when its facts are
 * exactly the staged file — that file's rows (pg_temp.sales_stage) or their sums (pg_temp.sales_agg), which saves
 * reading them back.
 */
export type RollupSource = "facts" | "stage" | "aggregate";

const SOURCES: Record<RollupSource, string> = {
  facts: `(SELECT report_date, apple_identifier, country_code, proceeds_currency, units, proceeds, ${BUCKET_OF("product_type", 4)} AS bucket
    FROM sales_daily_facts WHERE project_id = $1::uuid AND report_date = ANY($2::date[]))`,
  stage: `(SELECT ($2::date[])[1] AS report_date, apple_identifier, country_code, proceeds_currency, units, units * developer_proceeds AS proceeds, bucket FROM pg_temp.sales_stage)`,
  aggregate: `(SELECT ($2::date[])[1] AS report_date, apple_identifier, country_code, proceeds_currency, units, proceeds, bucket FROM pg_temp.sales_agg)`,
};

interface Rollup {
  table: string;
  /** Grouping columns besides report_date and proceeds_currency. */
  keys: string[];
  /** GROUPING(app_id, country_code) of its grouping set: a bit is set for a column the set leaves out. */
  grouping: number;
}

const ROLLUPS: Rollup[] = [
  { table: "sales_app_days", keys: ["app_id"], grouping: 0b01 },
  { table: "sales_country_days", keys: ["country_code"], grouping: 0b10 },
  { table: "sales_project_days", keys: [], grouping: 0b11 },
];

/**
 * One statement for the three rollups: the source is read, joined to the mapping and summed once, by grouping sets
 * (three separate passes were a fifth of a day's import), and each table takes its own set.
 */
function rollupSql(source: RollupSource, fresh: boolean): string {
  const parts = [
    `g AS MATERIALIZED (
      SELECT f.report_date, s.app_id, f.country_code, f.proceeds_currency, ${SUMS}, GROUPING(s.app_id, f.country_code)::int AS grouping
      FROM ${SOURCES[source]} f
      JOIN sales_identifiers s ON s.project_id = $1::uuid AND s.apple_identifier = f.apple_identifier
      WHERE s.app_id IS NOT NULL
      GROUP BY GROUPING SETS ((f.report_date, s.app_id, f.proceeds_currency), (f.report_date, f.country_code, f.proceeds_currency), (f.report_date, f.proceeds_currency))
    )`,
  ];
  const counts: string[] = [];
  ROLLUPS.forEach((r, i) => {
    const all = ["report_date", ...r.keys, "proceeds_currency"];
    const cur = `(SELECT * FROM g WHERE g.grouping = ${r.grouping})`;
    const insert = `INSERT INTO ${r.table} AS d (project_id, team_id, ${all.join(", ")}, ${METRICS.join(", ")})
      SELECT $1::uuid, $3::uuid, ${all.map((c) => `cur.${c}`).join(", ")}, ${METRICS.map((m) => `cur.${m}`).join(", ")} FROM ${cur} cur`;
    // A day with no rollup rows yet (a first import) needs neither the comparison nor the clean-up.
    if (fresh) {
      parts.push(`up${i} AS (${insert} RETURNING 1)`);
      counts.push(`(SELECT count(*) FROM up${i})::int`);
      return;
    }
    parts.push(`up${i} AS (
      ${insert}
      ON CONFLICT (project_id, ${all.join(", ")}) DO UPDATE SET ${METRICS.map((m) => `${m} = excluded.${m}`).join(", ")}
      WHERE (${METRICS.map((m) => `d.${m}`).join(", ")}) IS DISTINCT FROM (${METRICS.map((m) => `excluded.${m}`).join(", ")})
      RETURNING 1
    )`);
    parts.push(`gone${i} AS (
      DELETE FROM ${r.table} d
      WHERE d.project_id = $1::uuid AND d.report_date = ANY($2::date[])
        AND NOT EXISTS (SELECT 1 FROM ${cur} cur WHERE ${all.map((c) => `cur.${c} = d.${c}`).join(" AND ")})
      RETURNING 1
    )`);
    counts.push(`(SELECT count(*) FROM up${i})::int`, `(SELECT count(*) FROM gone${i})::int`);
  });
  return `WITH ${parts.join(",\n")}\nSELECT ${counts.join(" + ")} AS written`;
}

const STATEMENTS = {
  facts: rollupSql("facts", false),
  stage: rollupSql("stage", false),
  stageFresh: rollupSql("stage", true),
  aggregate: rollupSql("aggregate", false),
  aggregateFresh: rollupSql("aggregate", true),
};

/** The codes of buckets 1 to 5, in SALES_BUCKETS order (BUCKET_OF's parameters). */
export function bucketCodes(): string[][] {
  return SALES_BUCKETS.filter((b) => b !== "other").map((b) => codesOf(b));
}

/**
 * Rebuilds the three rollups for `days` of one project from the facts — or, for the one day just stored, from its
 * staged rows (`fresh`: the day had no rollup rows before) — and returns the rollup rows written or deleted.
 */
export async function rebuildRollups(
  client: pg.PoolClient | pg.Pool,
  target: { teamId: string; projectId: string },
  days: readonly string[],
  from: { source: RollupSource; fresh?: boolean } = { source: "facts" },
): Promise<number> {
  if (days.length === 0) return 0;
  const params = from.source === "facts" ? [target.projectId, days, target.teamId, ...bucketCodes()] : [target.projectId, days, target.teamId];
  const sql = from.source === "facts" ? STATEMENTS.facts : STATEMENTS[`${from.source}${from.fresh ? "Fresh" : ""}`];
  const { rows } = await client.query<{ written: number }>(sql, params);
  return rows[0]?.written ?? 0;
}

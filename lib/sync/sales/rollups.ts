import "server-only";
// Per-day rollups of the facts of the project's own apps (identifiers that map to an app), by app, by country and
// for the project, per currency of proceeds. Rebuilt for the given days set-wise: rows that come out the same are
// not rewritten, rows no longer produced are deleted.
import type pg from "pg";
import { codesOf } from "@/lib/apple/asc/reports";

const METRICS = ["downloads", "redownloads", "updates", "in_app_purchases", "subscriptions", "other_units", "proceeds"] as const;

/** Product type → bucket number (1 downloads … 5 subscriptions, 6 other); the five code arrays are parameters from `first` on. */
export const BUCKET_OF = (column: string, first: number) =>
  `CASE ${[1, 2, 3, 4, 5].map((b) => `WHEN ${column} = ANY($${first + b - 1}::text[]) THEN ${b}`).join(" ")} ELSE 6 END`;

const SUMS = METRICS.slice(0, 6)
  .map((m, i) => `coalesce(sum(f.units) FILTER (WHERE f.bucket = ${i + 1}), 0) AS ${m}`)
  .concat("sum(f.proceeds) AS proceeds")
  .join(",\n  ");

/**
 * Where the rows come from: the stored facts of the given days, or — right after a day was merged, when the facts
 * of that day are exactly the staged aggregate — the aggregate itself (pg_temp.sales_agg), which saves reading them back.
 */
export type RollupSource = "facts" | "staged";

const SOURCES: Record<RollupSource, string> = {
  facts: `(SELECT report_date, apple_identifier, country_code, proceeds_currency, units, proceeds, ${BUCKET_OF("product_type", 4)} AS bucket
    FROM sales_daily_facts WHERE project_id = $1::uuid AND report_date = ANY($2::date[]))`,
  staged: `(SELECT ($2::date[])[1] AS report_date, apple_identifier, country_code, proceeds_currency, units, proceeds, bucket FROM pg_temp.sales_agg)`,
};

interface Rollup {
  table: string;
  /** Grouping columns besides report_date and proceeds_currency, as selected from `f`/`s`. */
  keys: { column: string; expr: string }[];
}

const ROLLUPS: Rollup[] = [
  { table: "sales_app_days", keys: [{ column: "app_id", expr: "s.app_id" }] },
  { table: "sales_country_days", keys: [{ column: "country_code", expr: "f.country_code" }] },
  { table: "sales_project_days", keys: [] },
];

function rollupSql(r: Rollup, source: RollupSource, fresh: boolean): string {
  const all = ["report_date", ...r.keys.map((k) => k.column), "proceeds_currency"];
  const select = ["f.report_date", ...r.keys.map((k) => `${k.expr} AS ${k.column}`), "f.proceeds_currency"];
  const cur = `SELECT ${select.join(", ")}, ${SUMS}
      FROM ${SOURCES[source]} f
      JOIN sales_identifiers s ON s.project_id = $1::uuid AND s.apple_identifier = f.apple_identifier
      WHERE s.app_id IS NOT NULL
      GROUP BY ${select.map((_, i) => i + 1).join(", ")}`;
  const insert = `INSERT INTO ${r.table} AS d (project_id, team_id, ${all.join(", ")}, ${METRICS.join(", ")})
      SELECT $1::uuid, $3::uuid, ${all.map((c) => `cur.${c}`).join(", ")}, ${METRICS.map((m) => `cur.${m}`).join(", ")} FROM cur`;
  // A day with no rollup rows yet (a first import) needs neither the comparison nor the clean-up.
  if (fresh) return `WITH cur AS (${cur}), up AS (${insert} RETURNING 1) SELECT (SELECT count(*) FROM up)::int AS written`;
  return `
    WITH cur AS (${cur}),
    up AS (
      ${insert}
      ON CONFLICT (project_id, ${all.join(", ")}) DO UPDATE SET ${METRICS.map((m) => `${m} = excluded.${m}`).join(", ")}
      WHERE (${METRICS.map((m) => `d.${m}`).join(", ")}) IS DISTINCT FROM (${METRICS.map((m) => `excluded.${m}`).join(", ")})
      RETURNING 1
    ),
    gone AS (
      DELETE FROM ${r.table} d
      WHERE d.project_id = $1::uuid AND d.report_date = ANY($2::date[])
        AND NOT EXISTS (SELECT 1 FROM cur WHERE ${all.map((c) => `cur.${c} = d.${c}`).join(" AND ")})
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM up)::int + (SELECT count(*) FROM gone)::int AS written`;
}

const STATEMENTS = {
  facts: ROLLUPS.map((r) => rollupSql(r, "facts", false)),
  staged: ROLLUPS.map((r) => rollupSql(r, "staged", false)),
  stagedFresh: ROLLUPS.map((r) => rollupSql(r, "staged", true)),
};

export function bucketCodes(): string[][] {
  return [codesOf("downloads"), codesOf("redownloads"), codesOf("updates"), codesOf("inAppPurchases"), codesOf("subscriptions")];
}

/**
 * Rebuilds the three rollups for `days` of one project from the facts — or, for the one day just merged, from the
 * staged aggregate (`fresh`: the day had no rollup rows before) — and returns the rollup rows written or deleted.
 */
export async function rebuildRollups(
  client: pg.PoolClient | pg.Pool,
  target: { teamId: string; projectId: string },
  days: readonly string[],
  from: { source: RollupSource; fresh?: boolean } = { source: "facts" },
): Promise<number> {
  if (days.length === 0) return 0;
  let written = 0;
  const params = from.source === "facts" ? [target.projectId, days, target.teamId, ...bucketCodes()] : [target.projectId, days, target.teamId];
  const statements = from.source === "facts" ? STATEMENTS.facts : from.fresh ? STATEMENTS.stagedFresh : STATEMENTS.staged;
  for (const sql of statements) {
    const { rows } = await client.query<{ written: number }>(sql, params);
    written += rows[0]?.written ?? 0;
  }
  return written;
}

import "server-only";
// Which project app each Apple Identifier belongs to: an app row's own id (apps.apple_app_store_id); an in-app
// purchase or subscription through its Parent Identifier — the parent app's SKU, found on that app's own rows
// (a parent given as a numeric Apple ID is taken as it is). Unknown stays NULL: the rows are kept and listed.
import type pg from "pg";
import { sqlPool } from "@/lib/db";
import { rebuildRollups } from "./rollups";

/**
 * The app each identifier resolves to now, beside the one stored; `$2` limits it to some identifiers (NULL: all of the
 * project's). Set-wise (parents by SKU in one pass, one apps join): a parent looked up per in-app identifier, on a
 * table the planner had no statistics for yet, cost a backfill about 0.1 s a day.
 */
const RESOLVED = `
  WITH own AS (
    SELECT s.apple_identifier, s.in_app, s.parent_identifier, s.app_id
    FROM sales_identifiers s
    WHERE s.project_id = $1::uuid AND ($2::text[] IS NULL OR s.apple_identifier = ANY($2::text[]))
  ),
  parents AS (
    SELECT DISTINCT ON (p.sku) p.sku, p.apple_identifier
    FROM sales_identifiers p
    WHERE p.project_id = $1::uuid AND NOT p.in_app AND p.sku <> '' AND p.sku IN (SELECT parent_identifier FROM own WHERE in_app)
    ORDER BY p.sku, p.last_date DESC, p.apple_identifier
  ),
  target AS (
    SELECT own.apple_identifier, own.app_id AS stored,
      CASE WHEN NOT own.in_app THEN own.apple_identifier
        ELSE coalesce(parents.apple_identifier, CASE WHEN own.parent_identifier ~ '^[0-9]{1,18}$' THEN own.parent_identifier END)
      END AS app_apple_id
    FROM own LEFT JOIN parents ON own.in_app AND own.parent_identifier <> '' AND parents.sku = own.parent_identifier
  )
  SELECT target.apple_identifier, target.stored, a.id AS app_id
  FROM target
  LEFT JOIN apps a ON a.project_id = $1::uuid AND a.platform = 'apple'
    AND a.apple_app_store_id = CASE WHEN target.app_apple_id ~ '^[0-9]{1,18}$' THEN target.app_apple_id::bigint END`;

/** Stores each identifier's app where it changed; returns the identifiers that changed. */
export async function resolveIdentifiers(client: pg.PoolClient | pg.Pool, projectId: string, identifiers: readonly string[] | null): Promise<string[]> {
  const { rows } = await client.query<{ apple_identifier: string }>(
    `WITH r AS MATERIALIZED (SELECT * FROM (${RESOLVED}) x WHERE x.stored IS DISTINCT FROM x.app_id)
     UPDATE sales_identifiers s SET app_id = r.app_id
     FROM r WHERE s.project_id = $1::uuid AND s.apple_identifier = r.apple_identifier AND s.app_id IS DISTINCT FROM r.app_id
     RETURNING s.apple_identifier`,
    [projectId, identifiers],
  );
  return rows.map((r) => r.apple_identifier);
}

/** Whether any identifier of the project would map to another app than stored (an app was added, removed or got its id). */
export async function mappingIsStale(projectId: string): Promise<boolean> {
  const { rows } = await sqlPool().query(`SELECT 1 FROM (${RESOLVED}) r WHERE r.stored IS DISTINCT FROM r.app_id LIMIT 1`, [projectId, null]);
  return rows.length > 0;
}

/**
 * Brings the mapping up to date and rebuilds the rollups of every day on which a re-mapped identifier has facts,
 * so adding an app to the project shows its year of downloads without downloading anything again.
 */
export async function refreshMapping(target: { teamId: string; projectId: string }): Promise<{ remapped: number; daysRebuilt: number }> {
  const pool = sqlPool();
  const changed = await resolveIdentifiers(pool, target.projectId, null);
  if (changed.length === 0) return { remapped: 0, daysRebuilt: 0 };
  return { remapped: changed.length, daysRebuilt: await rebuildDaysOf(target, changed) };
}

/** Rebuilds the rollups of the days on which these identifiers have facts. */
export async function rebuildDaysOf(target: { teamId: string; projectId: string }, identifiers: readonly string[]): Promise<number> {
  if (identifiers.length === 0) return 0;
  const pool = sqlPool();
  const { rows } = await pool.query<{ day: string }>(
    `SELECT DISTINCT report_date::text AS day FROM sales_daily_facts WHERE project_id = $1::uuid AND apple_identifier = ANY($2::text[])`,
    [target.projectId, identifiers],
  );
  const days = rows.map((r) => r.day);
  // In slices, so one statement never aggregates a whole year of a large vendor at once.
  for (let i = 0; i < days.length; i += 31) await rebuildRollups(pool, target, days.slice(i, i + 31));
  return days.length;
}

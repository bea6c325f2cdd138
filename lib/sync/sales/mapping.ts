import "server-only";
// Which project app each Apple Identifier belongs to: an app row's own id (apps.apple_app_store_id); an in-app
// purchase or subscription through its Parent Identifier — the parent app's SKU, found on that app's own rows
// (a parent given as a numeric Apple ID is taken as it is). Unknown stays NULL: the rows are kept and listed.
import type pg from "pg";
import { sqlPool } from "@/lib/db";
import { rebuildRollups } from "./rollups";

/** The app each identifier resolves to now; `$2` limits it to some identifiers (NULL: all of the project's). */
const RESOLVED = `
  WITH own AS (
    SELECT s.apple_identifier,
      CASE WHEN NOT s.in_app THEN s.apple_identifier
        ELSE coalesce(
          (SELECT p.apple_identifier FROM sales_identifiers p
           WHERE p.project_id = s.project_id AND NOT p.in_app AND s.parent_identifier <> '' AND p.sku = s.parent_identifier
           ORDER BY p.last_date DESC, p.apple_identifier LIMIT 1),
          CASE WHEN s.parent_identifier ~ '^[0-9]{1,18}$' THEN s.parent_identifier END)
      END AS app_apple_id,
      s.app_id AS stored
    FROM sales_identifiers s
    WHERE s.project_id = $1::uuid AND ($2::text[] IS NULL OR s.apple_identifier = ANY($2::text[]))
  )
  SELECT own.apple_identifier, own.stored, a.id AS app_id
  FROM own
  LEFT JOIN apps a ON a.project_id = $1::uuid AND a.platform = 'apple'
    AND a.apple_app_store_id = CASE WHEN own.app_apple_id ~ '^[0-9]{1,18}$' THEN own.app_apple_id::bigint END`;

/** Stores each identifier's app where it changed; returns the identifiers that changed. */
export async function resolveIdentifiers(client: pg.PoolClient | pg.Pool, projectId: string, identifiers: readonly string[] | null): Promise<string[]> {
  const { rows } = await client.query<{ apple_identifier: string }>(
    `WITH r AS (${RESOLVED})
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

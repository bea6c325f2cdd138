import "server-only";
import { db } from "@/lib/db";
import type { StorefrontSnapshotPlan } from "./snapshot-plan";

export interface SnapshotWriteResult {
  rows: number;
  tombstones: number;
  cleared: number;
  relinked: number;
}

/**
 * One statement per storefront chunk. Per app: found → today's row (delta against the country's previous
 * snapshot, NULL on first sight); absent → a tombstone only when the previous snapshot was live data;
 * absent with nothing live before today → today's row (from an earlier same-day run) is removed.
 * A found app's field Apple sent unreadable takes the figure of the country's latest row (today's included)
 * and draws no delta; with no live row to take it from, nothing is written for the app there (never a
 * tombstone: it is present). A same-day rerun overwrites today's rows. Each country's newest row carries
 * is_latest (the flag moves in the same statement), which the dashboard's "latest per country" reads go through.
 */
export async function writeStorefrontSnapshots(countryCode: string, snapshotDate: string, plan: StorefrontSnapshotPlan): Promise<SnapshotWriteResult> {
  if (plan.appIds.length === 0) return { rows: 0, tombstones: 0, cleared: 0, relinked: 0 };
  const [result] = await db.$queryRaw<SnapshotWriteResult[]>`
    WITH input AS (
      SELECT * FROM unnest(
        ${plan.appIds}::uuid[], ${plan.found}::boolean[], ${plan.averages}::numeric[], ${plan.counts}::int[],
        ${plan.currentVersionAverages}::numeric[], ${plan.currentVersionCounts}::int[], ${plan.versions}::text[],
        ${plan.keepAverages}::boolean[], ${plan.keepCounts}::boolean[], ${plan.keepCurrentVersionAverages}::boolean[],
        ${plan.keepCurrentVersionCounts}::boolean[]
      ) AS t(app_id, found, avg, cnt, cv_avg, cv_cnt, ver, keep_avg, keep_cnt, keep_cv_avg, keep_cv_cnt)
    ),
    prev AS (
      SELECT i.*, a.team_id, a.project_id, p.average_rating AS prev_avg, p.rating_count AS prev_cnt, p.snapshot_date AS prev_date,
        k.average_rating AS k_avg, k.rating_count AS k_cnt, k.current_version_average_rating AS k_cv_avg, k.current_version_rating_count AS k_cv_cnt
      FROM input i
      JOIN apps a ON a.id = i.app_id
      LEFT JOIN LATERAL (
        SELECT r.average_rating, r.rating_count, r.snapshot_date
        FROM app_store_ratings r
        WHERE r.app_id = i.app_id AND r.store = 'app_store' AND r.country_code = ${countryCode} AND r.snapshot_date < ${snapshotDate}::date
        ORDER BY r.snapshot_date DESC
        LIMIT 1
      ) p ON true
      -- The figures kept for unreadable fields: the country's latest live row as of today.
      LEFT JOIN LATERAL (
        SELECT r.average_rating, r.rating_count, r.current_version_average_rating, r.current_version_rating_count
        FROM app_store_ratings r
        WHERE (i.keep_avg OR i.keep_cnt OR i.keep_cv_avg OR i.keep_cv_cnt)
          AND r.app_id = i.app_id AND r.store = 'app_store' AND r.country_code = ${countryCode} AND r.snapshot_date <= ${snapshotDate}::date
        ORDER BY r.snapshot_date DESC
        LIMIT 1
      ) k ON k.average_rating IS NOT NULL
    ),
    eff AS (
      SELECT *,
        CASE WHEN keep_avg THEN k_avg ELSE avg END AS e_avg,
        CASE WHEN keep_cnt THEN k_cnt ELSE cnt END AS e_cnt,
        CASE WHEN keep_cv_avg THEN k_cv_avg ELSE cv_avg END AS e_cv_avg,
        CASE WHEN keep_cv_cnt THEN k_cv_cnt ELSE cv_cnt END AS e_cv_cnt
      FROM prev
    ),
    plan AS (
      SELECT *, found AND e_avg IS NOT NULL AND e_cnt IS NOT NULL AS live FROM eff
    ),
    cleared AS (
      DELETE FROM app_store_ratings r
      USING plan
      WHERE NOT plan.found AND plan.prev_avg IS NULL
        AND r.app_id = plan.app_id AND r.store = 'app_store' AND r.country_code = ${countryCode} AND r.snapshot_date = ${snapshotDate}::date
      RETURNING r.id
    ),
    demoted AS (
      UPDATE app_store_ratings r SET is_latest = false
      FROM plan
      WHERE (plan.live OR (NOT plan.found AND plan.prev_avg IS NOT NULL))
        AND r.app_id = plan.app_id AND r.store = 'app_store' AND r.country_code = ${countryCode}
        AND r.is_latest AND r.snapshot_date < ${snapshotDate}::date
      RETURNING r.id
    ),
    restored AS (
      UPDATE app_store_ratings r SET is_latest = true
      FROM plan
      WHERE NOT plan.found AND plan.prev_avg IS NULL AND plan.prev_date IS NOT NULL
        AND r.app_id = plan.app_id AND r.store = 'app_store' AND r.country_code = ${countryCode}
        AND r.snapshot_date = plan.prev_date AND NOT r.is_latest
      RETURNING r.id
    ),
    written AS (
      INSERT INTO app_store_ratings (
        team_id, project_id, app_id, store, country_code, snapshot_date, average_rating, rating_count,
        current_version_average_rating, current_version_rating_count, app_version, rating_count_delta, is_latest
      )
      SELECT team_id, project_id, app_id, 'app_store', ${countryCode}, ${snapshotDate}::date,
        CASE WHEN live THEN round(e_avg, 2) END,
        CASE WHEN live THEN e_cnt ELSE 0 END,
        CASE WHEN live THEN round(e_cv_avg, 2) END,
        CASE WHEN live THEN e_cv_cnt END,
        ver,
        CASE WHEN prev_date IS NULL OR (live AND keep_cnt) THEN NULL ELSE (CASE WHEN live THEN e_cnt ELSE 0 END) - prev_cnt END,
        true
      FROM plan
      WHERE live OR (NOT found AND prev_avg IS NOT NULL)
      ON CONFLICT (app_id, store, country_code, snapshot_date) DO UPDATE SET
        average_rating = EXCLUDED.average_rating,
        rating_count = EXCLUDED.rating_count,
        current_version_average_rating = EXCLUDED.current_version_average_rating,
        current_version_rating_count = EXCLUDED.current_version_rating_count,
        app_version = EXCLUDED.app_version,
        rating_count_delta = EXCLUDED.rating_count_delta,
        is_latest = true
      RETURNING average_rating IS NULL AS tombstone
    )
    SELECT
      (count(*) FILTER (WHERE NOT tombstone))::int AS rows,
      (count(*) FILTER (WHERE tombstone))::int AS tombstones,
      (SELECT count(*) FROM cleared)::int AS cleared,
      (SELECT count(*) FROM demoted)::int + (SELECT count(*) FROM restored)::int AS relinked
    FROM written`;
  return result;
}

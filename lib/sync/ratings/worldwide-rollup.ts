import "server-only";
import { db } from "@/lib/db";

/** Per refreshed app, what the rollup changed; JSON-safe (a step output). */
export interface RollupChange {
  appId: string;
  teamId: string;
  projectId: string;
  name: string;
  previousCount: number | null;
  previouslySynced: boolean;
  count: number;
  average: number | null;
  delta: number | null;
  deltaSince: string | null;
  /** The count rise from countries whose previous snapshot was live (not a tombstone coming back). */
  organicRise: number;
}

/**
 * The worldwide rollup onto `apps` (and the day's row in app_worldwide_ratings) for apps refreshed today:
 * count-weighted averages and total counts over each country's latest live row (as of the snapshot date),
 * the delta summed over countries whose row today has a previous snapshot, and the date that delta is
 * measured against. Each country's latest row comes from the is_latest partial index, not a history scan.
 */
export async function rollupWorldwideRatings(appIds: readonly string[], snapshotDate: string): Promise<RollupChange[]> {
  if (appIds.length === 0) return [];
  const rows = await db.$queryRaw<Array<Omit<RollupChange, "average"> & { average: string | null; deltaSince: Date | null }>>`
    WITH target AS (
      SELECT a.id AS app_id, a.team_id, a.project_id, a.name, a.worldwide_rating_count AS old_count, a.ratings_synced_at AS old_synced
      FROM apps a WHERE a.id = ANY(${appIds as string[]}::uuid[])
    ),
    latest AS (
      SELECT r.app_id, r.country_code, r.snapshot_date, r.average_rating, r.rating_count, r.current_version_average_rating,
             r.current_version_rating_count, r.rating_count_delta
      FROM app_store_ratings r
      JOIN target t ON t.app_id = r.app_id
      WHERE r.is_latest AND r.store = 'app_store' AND r.snapshot_date <= ${snapshotDate}::date
    ),
    today AS (
      SELECT l.app_id, l.rating_count_delta, p.snapshot_date AS prev_date, p.average_rating IS NOT NULL AS prev_live
      FROM latest l
      LEFT JOIN LATERAL (
        SELECT r.snapshot_date, r.average_rating FROM app_store_ratings r
        WHERE r.app_id = l.app_id AND r.store = 'app_store' AND r.country_code = l.country_code AND r.snapshot_date < l.snapshot_date
        ORDER BY r.snapshot_date DESC
        LIMIT 1
      ) p ON true
      WHERE l.snapshot_date = ${snapshotDate}::date
    ),
    live AS (
      SELECT app_id,
        sum(rating_count)::int AS cnt,
        round(sum(average_rating * rating_count) / NULLIF(sum(rating_count), 0), 2) AS avg,
        (sum(current_version_rating_count) FILTER (WHERE current_version_average_rating IS NOT NULL))::int AS cv_cnt,
        round(sum(current_version_average_rating * current_version_rating_count) FILTER (WHERE current_version_average_rating IS NOT NULL)
          / NULLIF(sum(current_version_rating_count) FILTER (WHERE current_version_average_rating IS NOT NULL), 0), 2) AS cv_avg,
        count(*)::int AS countries
      FROM latest WHERE average_rating IS NOT NULL
      GROUP BY app_id
    ),
    moves AS (
      SELECT app_id,
        (sum(rating_count_delta) FILTER (WHERE rating_count_delta IS NOT NULL))::int AS delta,
        max(prev_date) AS since,
        COALESCE(sum(rating_count_delta) FILTER (WHERE prev_live), 0)::int AS organic
      FROM today
      GROUP BY app_id
    ),
    agg AS (
      SELECT t.app_id, t.team_id, t.project_id, t.name, t.old_count, t.old_synced,
        COALESCE(live.cnt, 0) AS cnt, live.avg, COALESCE(live.cv_cnt, 0) AS cv_cnt, live.cv_avg,
        COALESCE(live.countries, 0) AS countries, moves.delta, moves.since, COALESCE(moves.organic, 0) AS organic
      FROM target t
      LEFT JOIN live ON live.app_id = t.app_id
      LEFT JOIN moves ON moves.app_id = t.app_id
    ),
    history AS (
      INSERT INTO app_worldwide_ratings (app_id, snapshot_date, team_id, project_id, average_rating, rating_count,
        current_version_average_rating, current_version_rating_count, rating_count_delta, countries)
      SELECT app_id, ${snapshotDate}::date, team_id, project_id, avg, cnt, cv_avg, cv_cnt, delta, countries FROM agg
      ON CONFLICT (app_id, snapshot_date) DO UPDATE SET
        average_rating = EXCLUDED.average_rating, rating_count = EXCLUDED.rating_count,
        current_version_average_rating = EXCLUDED.current_version_average_rating,
        current_version_rating_count = EXCLUDED.current_version_rating_count,
        rating_count_delta = EXCLUDED.rating_count_delta, countries = EXCLUDED.countries
    )
    UPDATE apps a SET
      worldwide_average_rating = agg.avg,
      worldwide_rating_count = agg.cnt,
      worldwide_current_version_rating = agg.cv_avg,
      worldwide_current_version_rating_count = agg.cv_cnt,
      worldwide_rating_count_delta = agg.delta,
      worldwide_rating_delta_since = agg.since,
      ratings_synced_at = now(),
      updated_at = now()
    FROM agg
    WHERE a.id = agg.app_id
    RETURNING a.id AS "appId", agg.team_id AS "teamId", agg.project_id AS "projectId", agg.name,
      agg.old_count AS "previousCount", agg.old_synced IS NOT NULL AS "previouslySynced",
      agg.cnt AS count, agg.avg::text AS average, agg.delta, agg.since AS "deltaSince", agg.organic AS "organicRise"`;
  return rows.map((r) => ({
    ...r,
    average: r.average === null ? null : Number(r.average),
    deltaSince: r.deltaSince ? r.deltaSince.toISOString().slice(0, 10) : null,
  }));
}

/**
 * Notify when the worldwide count rose since the previous run: not on an app's first sync, not when the
 * rise is only a storefront coming back from a tombstone, not again on a same-day rerun (count unchanged).
 */
export function shouldNotifyRatingChange(change: RollupChange): boolean {
  return change.previouslySynced && change.previousCount !== null && change.count > change.previousCount && change.organicRise > 0;
}

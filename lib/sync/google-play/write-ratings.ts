import "server-only";
// Play ratings beside the App Store snapshots: one app_store_ratings row per (app, 'google_play', country, day) with the
// Play Console averages and no count (NULL: Play gives none), the overview per day in app_worldwide_ratings, and the
// app card's figure on apps. App Store rows are never read or written here.
import { db } from "@/lib/db";
import type { RatingsExportRow } from "@/lib/google/reports/ratings-export";

interface Target {
  teamId: string;
  projectId: string;
  appId: string;
}

/** Upserts the country rows (unchanged rows are not rewritten); returns how many were written. */
export async function writePlayCountryRatings(target: Target, rows: readonly RatingsExportRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const json = JSON.stringify(rows.map((r) => ({ country_code: r.countryCode, snapshot_date: r.date, total: r.totalAverage, daily: r.dailyAverage })));
  return db.$executeRaw`
    INSERT INTO app_store_ratings AS r (team_id, project_id, app_id, store, country_code, snapshot_date, average_rating, rating_count, daily_average_rating, is_latest)
    SELECT ${target.teamId}::uuid, ${target.projectId}::uuid, ${target.appId}::uuid, 'google_play', t.country_code, t.snapshot_date, t.total, NULL, t.daily, false
    FROM json_to_recordset(${json}::json) AS t(country_code text, snapshot_date date, total numeric, daily numeric)
    ON CONFLICT (app_id, store, country_code, snapshot_date) DO UPDATE SET
      average_rating = excluded.average_rating, daily_average_rating = excluded.daily_average_rating
    WHERE (r.average_rating, r.daily_average_rating) IS DISTINCT FROM (excluded.average_rating, excluded.daily_average_rating)`;
}

/** Each of the countries' newest Play row carries is_latest (the flag the "latest per country" reads go through). */
export async function markLatestPlayRows(appId: string, countries: readonly string[]): Promise<number> {
  if (countries.length === 0) return 0;
  return db.$executeRaw`
    UPDATE app_store_ratings r SET is_latest = (r.snapshot_date = m.latest)
    FROM (
      SELECT country_code, max(snapshot_date) AS latest FROM app_store_ratings
      WHERE app_id = ${appId}::uuid AND store = 'google_play' AND country_code = ANY(${countries as string[]}::text[])
      GROUP BY country_code
    ) m
    WHERE r.app_id = ${appId}::uuid AND r.store = 'google_play' AND r.country_code = m.country_code
      AND r.is_latest IS DISTINCT FROM (r.snapshot_date = m.latest)`;
}

/** The overview file's days: the app's worldwide Play Console averages (no count), with how many countries had a row. */
export async function writePlayOverview(target: Target, rows: readonly RatingsExportRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const json = JSON.stringify(rows.map((r) => ({ snapshot_date: r.date, total: r.totalAverage, daily: r.dailyAverage })));
  return db.$executeRaw`
    INSERT INTO app_worldwide_ratings AS w (app_id, snapshot_date, team_id, project_id, average_rating, rating_count, daily_average_rating, countries)
    SELECT ${target.appId}::uuid, t.snapshot_date, ${target.teamId}::uuid, ${target.projectId}::uuid, t.total, NULL, t.daily,
      (SELECT count(*)::int FROM app_store_ratings c WHERE c.app_id = ${target.appId}::uuid AND c.store = 'google_play' AND c.snapshot_date = t.snapshot_date)
    FROM json_to_recordset(${json}::json) AS t(snapshot_date date, total numeric, daily numeric)
    ON CONFLICT (app_id, snapshot_date) DO UPDATE SET
      average_rating = excluded.average_rating, daily_average_rating = excluded.daily_average_rating, countries = excluded.countries
    WHERE (w.average_rating, w.daily_average_rating, w.countries) IS DISTINCT FROM (excluded.average_rating, excluded.daily_average_rating, excluded.countries)`;
}

/** The app card's Play figure as the rollup left it, and what it was before. */
export interface PlayRollup {
  /** The latest overview day's cumulative average; null when the app has none. */
  average: number | null;
  /** The card's average before this rollup; null when it had none (the app's first import). */
  previous: number | null;
  /** YYYY-MM-DD of the overview day the average is from. */
  day: string | null;
}

/**
 * The app card's figure: the latest overview day's cumulative average. Counts, deltas and current-version figures
 * stay NULL: Play Console gives none of them. Returns the average now and before.
 */
export async function rollupPlayApp(appId: string): Promise<PlayRollup> {
  // In UPDATE … FROM, the joined row of apps is read as it was before this statement: its old average.
  const [row] = await db.$queryRaw<{ average: number | null; previous: number | null; day: Date | null }[]>`
    UPDATE apps a SET
      worldwide_average_rating = l.average_rating,
      worldwide_rating_count = NULL,
      worldwide_current_version_rating = NULL,
      worldwide_current_version_rating_count = NULL,
      worldwide_rating_count_delta = NULL,
      worldwide_rating_delta_since = NULL,
      ratings_synced_at = now(),
      updated_at = now()
    FROM (
      SELECT average_rating, snapshot_date FROM app_worldwide_ratings
      WHERE app_id = ${appId}::uuid AND average_rating IS NOT NULL
      ORDER BY snapshot_date DESC LIMIT 1
    ) l, apps prior
    WHERE a.id = ${appId}::uuid AND a.platform = 'android' AND prior.id = a.id
    RETURNING a.worldwide_average_rating::float8 AS average, prior.worldwide_average_rating::float8 AS previous, l.snapshot_date AS day`;
  return { average: row?.average ?? null, previous: row?.previous ?? null, day: row?.day ? row.day.toISOString().slice(0, 10) : null };
}

import "server-only";
// Google Play ratings as the dashboard reads them: Play Console's cumulative average per country (and the day's
// average), from the ratings exports. Play gives no counts: ratingCount is always null, for the UI to say so.
import { db } from "@/lib/db";

export interface PlayCountryRating {
  countryCode: string;
  /** YYYY-MM-DD of the country's latest row. */
  snapshotDate: string;
  /** "Total Average Rating": the cumulative Play Console average as of that day (not the store's displayed rating). */
  averageRating: number;
  /** "Daily Average Rating" of that day; null when nobody rated that day. */
  dailyAverageRating: number | null;
  /** Play Console gives no rating counts. */
  ratingCount: null;
}

export interface PlayAppCountryRatings {
  latestSnapshotDate: string | null;
  countries: PlayCountryRating[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** One Android app's countries (each country's latest row, the is_latest rows of store google_play), best first. */
export async function playAppCountryRatings(target: { teamId: string; appId: string }): Promise<PlayAppCountryRatings> {
  const rows = await db.$queryRaw<{ country_code: string; snapshot_date: Date; average_rating: number; daily_average_rating: number | null }[]>`
    SELECT r.country_code, r.snapshot_date, r.average_rating::float8 AS average_rating, r.daily_average_rating::float8 AS daily_average_rating
    FROM app_store_ratings r
    WHERE r.app_id = ${target.appId}::uuid AND r.team_id = ${target.teamId}::uuid AND r.store = 'google_play' AND r.is_latest
      AND r.average_rating IS NOT NULL`;
  const latest = rows.reduce<Date | null>((max, r) => (!max || r.snapshot_date > max ? r.snapshot_date : max), null);
  return {
    latestSnapshotDate: latest ? day(latest) : null,
    countries: rows
      .sort((a, b) => b.average_rating - a.average_rating || a.country_code.localeCompare(b.country_code))
      .map((r) => ({ countryCode: r.country_code, snapshotDate: day(r.snapshot_date), averageRating: r.average_rating, dailyAverageRating: r.daily_average_rating, ratingCount: null })),
  };
}

export interface PlayRatingPoint {
  date: string;
  averageRating: number | null;
  dailyAverageRating: number | null;
}

/** The app's Play Console averages over the last `days` days: the overview file's, or one country's. */
export async function playAppRatingHistory(target: { teamId: string; appId: string }, input: { days: number; country?: string | null }): Promise<{ country: string | null; days: number; points: PlayRatingPoint[] }> {
  const country = input.country?.toLowerCase() ?? null;
  const rows = country
    ? await db.$queryRaw<{ date: Date; average_rating: number | null; daily_average_rating: number | null }[]>`
        SELECT snapshot_date AS date, average_rating::float8 AS average_rating, daily_average_rating::float8 AS daily_average_rating
        FROM app_store_ratings
        WHERE app_id = ${target.appId}::uuid AND team_id = ${target.teamId}::uuid AND store = 'google_play' AND country_code = ${country}
          AND snapshot_date > (now() AT TIME ZONE 'UTC')::date - ${input.days}::int
        ORDER BY snapshot_date`
    : await db.$queryRaw<{ date: Date; average_rating: number | null; daily_average_rating: number | null }[]>`
        SELECT snapshot_date AS date, average_rating::float8 AS average_rating, daily_average_rating::float8 AS daily_average_rating
        FROM app_worldwide_ratings
        WHERE app_id = ${target.appId}::uuid AND team_id = ${target.teamId}::uuid
          AND snapshot_date > (now() AT TIME ZONE 'UTC')::date - ${input.days}::int
        ORDER BY snapshot_date`;
  return { country, days: input.days, points: rows.map((r) => ({ date: day(r.date), averageRating: r.average_rating, dailyAverageRating: r.daily_average_rating })) };
}

import "server-only";
import type { AppAccess } from "@/lib/auth/access";
import { db } from "@/lib/db";
import type { RatingHistory } from "./types";

interface Row {
  date: Date;
  average_rating: number | null;
  rating_count: number;
  current_version_average_rating: number | null;
  rating_count_delta: number | null;
}

/**
 * One app's rating history over the last `days` days: the daily worldwide rollup, or one country's
 * snapshots when a country is given (tombstone days show as no average and a count of 0).
 */
export async function appRatingHistory(ctx: AppAccess, input: { days: number; country?: string | null }): Promise<RatingHistory> {
  const country = input.country?.toLowerCase() ?? null;
  const rows = country
    ? await db.$queryRaw<Row[]>`
        SELECT snapshot_date AS date, average_rating::float8 AS average_rating, rating_count,
               current_version_average_rating::float8 AS current_version_average_rating, rating_count_delta
        FROM app_store_ratings
        WHERE app_id = ${ctx.appId}::uuid AND team_id = ${ctx.teamId}::uuid AND store = 'app_store' AND country_code = ${country}
          AND snapshot_date > (now() AT TIME ZONE 'UTC')::date - ${input.days}::int
        ORDER BY snapshot_date`
    : await db.$queryRaw<Row[]>`
        SELECT snapshot_date AS date, average_rating::float8 AS average_rating, rating_count,
               current_version_average_rating::float8 AS current_version_average_rating, rating_count_delta
        FROM app_worldwide_ratings
        WHERE app_id = ${ctx.appId}::uuid AND team_id = ${ctx.teamId}::uuid
          AND snapshot_date > (now() AT TIME ZONE 'UTC')::date - ${input.days}::int
        ORDER BY snapshot_date`;
  return {
    country,
    days: input.days,
    points: rows.map((r) => ({
      date: r.date.toISOString().slice(0, 10),
      averageRating: r.average_rating,
      ratingCount: r.rating_count,
      currentVersionAverageRating: r.current_version_average_rating,
      ratingCountDelta: r.rating_count_delta,
    })),
  };
}

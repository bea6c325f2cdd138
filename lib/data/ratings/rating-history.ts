import "server-only";
import type { AppAccess } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Store } from "@/lib/data/stores";
import type { RatingHistory } from "./types";

interface Row {
  store: Store;
  date: Date | null;
  average_rating: number | null;
  rating_count: number | null;
  daily_average_rating: number | null;
  current_version_average_rating: number | null;
  rating_count_delta: number | null;
}

/**
 * One app's rating history over the last `days` days, in the app's own store: the daily worldwide rollup (for an
 * Android app, Play Console's overview), or one country's snapshots when a country is given (App Store tombstone days
 * show as no average and a count of 0). Play gives no counts: ratingCount is null on its points.
 */
export async function appRatingHistory(ctx: AppAccess, input: { days: number; country?: string | null }): Promise<RatingHistory> {
  const country = input.country?.toLowerCase() ?? null;
  // From the app (LEFT JOIN), so that a period without snapshots still says which store it is.
  const rows = country
    ? await db.$queryRaw<Row[]>`
        SELECT s.store, r.snapshot_date AS date, r.average_rating::float8 AS average_rating, r.rating_count, r.daily_average_rating::float8 AS daily_average_rating,
               r.current_version_average_rating::float8 AS current_version_average_rating, r.rating_count_delta
        FROM apps a
        CROSS JOIN LATERAL (SELECT CASE a.platform WHEN 'android' THEN 'google_play' ELSE 'app_store' END AS store) s
        LEFT JOIN app_store_ratings r ON r.app_id = a.id AND r.team_id = a.team_id AND r.store = s.store AND r.country_code = ${country}
          AND r.snapshot_date > (now() AT TIME ZONE 'UTC')::date - ${input.days}::int
        WHERE a.id = ${ctx.appId}::uuid AND a.team_id = ${ctx.teamId}::uuid
        ORDER BY r.snapshot_date`
    : await db.$queryRaw<Row[]>`
        SELECT s.store, w.snapshot_date AS date, w.average_rating::float8 AS average_rating, w.rating_count, w.daily_average_rating::float8 AS daily_average_rating,
               w.current_version_average_rating::float8 AS current_version_average_rating, w.rating_count_delta
        FROM apps a
        CROSS JOIN LATERAL (SELECT CASE a.platform WHEN 'android' THEN 'google_play' ELSE 'app_store' END AS store) s
        LEFT JOIN app_worldwide_ratings w ON w.app_id = a.id AND w.team_id = a.team_id
          AND w.snapshot_date > (now() AT TIME ZONE 'UTC')::date - ${input.days}::int
        WHERE a.id = ${ctx.appId}::uuid AND a.team_id = ${ctx.teamId}::uuid
        ORDER BY w.snapshot_date`;
  if (rows.length === 0) throw new NotFoundError("App");
  return {
    store: rows[0].store,
    country,
    days: input.days,
    points: rows.flatMap((r) =>
      r.date
        ? [
            {
              date: r.date.toISOString().slice(0, 10),
              averageRating: r.average_rating,
              ratingCount: r.rating_count,
              dailyAverageRating: r.daily_average_rating,
              currentVersionAverageRating: r.current_version_average_rating,
              ratingCountDelta: r.rating_count_delta,
            },
          ]
        : [],
    ),
  };
}

import "server-only";
import type { AppAccess } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Store } from "@/lib/data/stores";
import type { AppCountryRatings } from "./types";

interface LatestRow {
  store: Store;
  country_code: string | null;
  snapshot_date: Date;
  average_rating: number | null;
  rating_count: number | null;
  rating_count_delta: number | null;
  daily_average_rating: number | null;
  current_version_average_rating: number | null;
  current_version_rating_count: number | null;
  app_version: string | null;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * One app's "Ratings by country": each country's latest row (the is_latest partial index) of the app's own store — the
 * App Store for an Apple app, Google Play for an Android app. App Store countries come biggest markets first, and those
 * whose latest row is a tombstone are listed apart with the day they disappeared; Play Console gives averages without
 * counts (ratingCount null), so its countries come highest average first.
 */
export async function appCountryRatings(ctx: AppAccess): Promise<AppCountryRatings> {
  // From the app, so that an app with no rows yet still says which store it is rated in.
  const rows = await db.$queryRaw<LatestRow[]>`
    SELECT s.store, r.country_code, r.snapshot_date, r.average_rating::float8 AS average_rating, r.rating_count, r.rating_count_delta,
           r.daily_average_rating::float8 AS daily_average_rating,
           r.current_version_average_rating::float8 AS current_version_average_rating, r.current_version_rating_count, r.app_version
    FROM apps a
    CROSS JOIN LATERAL (SELECT CASE a.platform WHEN 'android' THEN 'google_play' ELSE 'app_store' END AS store) s
    LEFT JOIN app_store_ratings r ON r.app_id = a.id AND r.team_id = a.team_id AND r.store = s.store AND r.is_latest
    WHERE a.id = ${ctx.appId}::uuid AND a.team_id = ${ctx.teamId}::uuid`;
  if (rows.length === 0) throw new NotFoundError("App");
  const store = rows[0].store;
  const present = rows.filter((r): r is LatestRow & { country_code: string } => r.country_code !== null);
  const latest = present.reduce<Date | null>((max, r) => (!max || r.snapshot_date > max ? r.snapshot_date : max), null);
  const live = present.filter((r): r is typeof r & { average_rating: number } => r.average_rating !== null);
  const gone = present.filter((r) => r.average_rating === null);
  const byCount = (a: LatestRow, b: LatestRow) => (b.rating_count ?? 0) - (a.rating_count ?? 0);
  const byAverage = (a: { average_rating: number }, b: { average_rating: number }) => b.average_rating - a.average_rating;
  return {
    store,
    latestSnapshotDate: latest ? day(latest) : null,
    countries: live
      .sort((a, b) => (store === "app_store" ? byCount(a, b) : byAverage(a, b)) || a.country_code.localeCompare(b.country_code))
      .map((r) => ({
        countryCode: r.country_code,
        snapshotDate: day(r.snapshot_date),
        averageRating: r.average_rating,
        ratingCount: r.rating_count,
        ratingCountDelta: r.rating_count_delta,
        dailyAverageRating: r.daily_average_rating,
        currentVersionAverageRating: r.current_version_average_rating,
        currentVersionRatingCount: r.current_version_rating_count,
        appVersion: r.app_version,
      })),
    unavailable: gone
      .sort((a, b) => b.snapshot_date.getTime() - a.snapshot_date.getTime() || a.country_code.localeCompare(b.country_code))
      .map((r) => ({
        countryCode: r.country_code,
        since: day(r.snapshot_date),
        lastRatingCount: r.rating_count_delta === null ? null : -r.rating_count_delta,
      })),
  };
}

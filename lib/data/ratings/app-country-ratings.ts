import "server-only";
import type { AppAccess } from "@/lib/auth/access";
import { db } from "@/lib/db";
import type { AppCountryRatings } from "./types";

interface LatestRow {
  country_code: string;
  snapshot_date: Date;
  average_rating: number | null;
  rating_count: number;
  rating_count_delta: number | null;
  current_version_average_rating: number | null;
  current_version_rating_count: number | null;
  app_version: string | null;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * One app's "Ratings by country": each storefront's latest row (the is_latest partial index), biggest
 * markets first; countries whose latest row is a tombstone are listed apart with the day they disappeared.
 */
export async function appCountryRatings(ctx: AppAccess): Promise<AppCountryRatings> {
  const rows = await db.$queryRaw<LatestRow[]>`
    SELECT r.country_code, r.snapshot_date, r.average_rating::float8 AS average_rating, r.rating_count, r.rating_count_delta,
           r.current_version_average_rating::float8 AS current_version_average_rating, r.current_version_rating_count, r.app_version
    FROM app_store_ratings r
    WHERE r.app_id = ${ctx.appId}::uuid AND r.team_id = ${ctx.teamId}::uuid AND r.store = 'app_store' AND r.is_latest`;
  const latest = rows.reduce<Date | null>((max, r) => (!max || r.snapshot_date > max ? r.snapshot_date : max), null);
  const live = rows.filter((r) => r.average_rating !== null);
  const gone = rows.filter((r) => r.average_rating === null);
  return {
    latestSnapshotDate: latest ? day(latest) : null,
    countries: live
      .sort((a, b) => b.rating_count - a.rating_count || a.country_code.localeCompare(b.country_code))
      .map((r) => ({
        countryCode: r.country_code,
        snapshotDate: day(r.snapshot_date),
        averageRating: r.average_rating!,
        ratingCount: r.rating_count,
        ratingCountDelta: r.rating_count_delta,
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

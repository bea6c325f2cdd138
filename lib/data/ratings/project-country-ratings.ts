import "server-only";
import type { ProjectAccess } from "@/lib/auth/access";
import { db } from "@/lib/db";
import type { ProjectCountryRatings } from "./types";

interface Row {
  country_code: string;
  average_rating: number | null;
  rating_count: number;
  rating_count_delta: number | null;
  apps: number;
  unavailable_apps: number;
}

/**
 * The project-wide "By country" panel: per storefront, over every Apple app's latest row there, the
 * count-weighted average, summed counts and summed deltas (live rows only), biggest markets first.
 */
export async function projectCountryRatings(ctx: ProjectAccess): Promise<ProjectCountryRatings> {
  const apps = await db.app.count({ where: { projectId: ctx.projectId, teamId: ctx.teamId, platform: "apple" } });
  if (apps === 0) return { apps, countries: [] };
  const rows = await db.$queryRaw<Row[]>`
    WITH project_apps AS (
      SELECT id FROM apps WHERE project_id = ${ctx.projectId}::uuid AND team_id = ${ctx.teamId}::uuid AND platform = 'apple'
    ),
    latest AS (
      SELECT r.country_code, r.average_rating, r.rating_count, r.rating_count_delta
      FROM app_store_ratings r
      JOIN project_apps a ON a.id = r.app_id
      WHERE r.project_id = ${ctx.projectId}::uuid AND r.store = 'app_store' AND r.is_latest
    )
    SELECT country_code,
      (round(sum(average_rating * rating_count) FILTER (WHERE average_rating IS NOT NULL)
        / NULLIF(sum(rating_count) FILTER (WHERE average_rating IS NOT NULL), 0), 2))::float8 AS average_rating,
      COALESCE(sum(rating_count) FILTER (WHERE average_rating IS NOT NULL), 0)::int AS rating_count,
      (sum(rating_count_delta) FILTER (WHERE average_rating IS NOT NULL))::int AS rating_count_delta,
      (count(*) FILTER (WHERE average_rating IS NOT NULL))::int AS apps,
      (count(*) FILTER (WHERE average_rating IS NULL))::int AS unavailable_apps
    FROM latest
    GROUP BY country_code
    ORDER BY rating_count DESC, country_code`;
  return {
    apps,
    countries: rows.map((r) => ({
      countryCode: r.country_code,
      averageRating: r.average_rating,
      ratingCount: r.rating_count,
      ratingCountDelta: r.rating_count_delta,
      apps: r.apps,
      unavailableApps: r.unavailable_apps,
    })),
  };
}

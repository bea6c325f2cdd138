import "server-only";
// The dashboard's ratings reads (TanStack Query fetches them): session or agent key, zod, `reviews:read`.
import { z } from "zod";
import { defineRoute } from "@/lib/api/route";
import { appCountryRatings } from "@/lib/data/ratings/app-country-ratings";
import { projectCountryRatings } from "@/lib/data/ratings/project-country-ratings";
import { appRatingHistory } from "@/lib/data/ratings/rating-history";
import { ratingsSyncStatus } from "@/lib/data/ratings/ratings-sync-status";
import { ratingHistoryQuery } from "@/lib/api/v1/schemas/ratings";
import { idSchema } from "@/lib/validation";

export const appCountriesRoute = defineRoute({
  input: z.object({ appId: idSchema }),
  permission: "reviews:read",
  scope: (i) => ({ appId: i.appId }),
  handler: (ctx) => appCountryRatings(ctx),
});

export const appHistoryRoute = defineRoute({
  input: ratingHistoryQuery.extend({ appId: idSchema }),
  permission: "reviews:read",
  scope: (i) => ({ appId: i.appId }),
  handler: (ctx, input) => appRatingHistory(ctx, { days: input.days, country: input.country }),
});

export const projectCountriesRoute = defineRoute({
  input: z.object({ projectId: idSchema }),
  permission: "reviews:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx) => projectCountryRatings(ctx),
});

export const projectSyncStatusRoute = defineRoute({
  input: z.object({ projectId: idSchema }),
  permission: "reviews:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx) => ratingsSyncStatus(ctx),
});

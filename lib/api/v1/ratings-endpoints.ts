// Ratings operations of /api/v1: the shapes follow the ratings data layer (lib/data/ratings/types.ts).
import { endpoint } from "./endpoint";
import { appParams, projectParams } from "./schemas/apps";
import { appCountryRatingsSchema, projectCountryRatingsSchema, ratingHistoryQuery, ratingHistorySchema, ratingsSyncStatusSchema } from "./schemas/ratings";
import { syncRequestedSchema } from "./schemas/runs";

export const appRatings = endpoint({
  operationId: "getAppRatingsByCountry",
  method: "GET",
  path: "/apps/{appId}/ratings",
  tag: "Apps & ratings",
  summary: "One app's latest ratings in every storefront, with deltas, and where it disappeared",
  permission: "reviews:read",
  params: appParams,
  response: appCountryRatingsSchema,
});

export const appRatingHistory = endpoint({
  operationId: "getAppRatingHistory",
  method: "GET",
  path: "/apps/{appId}/ratings/history",
  tag: "Apps & ratings",
  summary: "One app's daily rating history: worldwide, or one storefront",
  permission: "reviews:read",
  params: appParams,
  query: ratingHistoryQuery,
  response: ratingHistorySchema,
});

export const projectRatingsByCountry = endpoint({
  operationId: "getProjectRatingsByCountry",
  method: "GET",
  path: "/projects/{projectId}/ratings/by-country",
  tag: "Apps & ratings",
  summary: "Project-wide ratings by storefront: every Apple app of the project combined",
  permission: "reviews:read",
  params: projectParams,
  response: projectCountryRatingsSchema,
});

export const ratingsSyncStatus = endpoint({
  operationId: "getRatingsSyncStatus",
  method: "GET",
  path: "/projects/{projectId}/ratings/sync",
  tag: "Apps & ratings",
  summary: "The project's ratings sync: the run going now (or the nightly one), the last finished one, and whether the caller may start one",
  permission: "reviews:read",
  params: projectParams,
  response: ratingsSyncStatusSchema,
});

export const syncRatings = endpoint({
  operationId: "syncRatings",
  method: "POST",
  path: "/projects/{projectId}/ratings/sync",
  tag: "Apps & ratings",
  summary: "Start a ratings sync (every storefront) for the project; poll the run",
  permission: "integrations:write",
  params: projectParams,
  response: syncRequestedSchema,
  status: 202,
});

export const ratingsEndpoints = [appRatings, appRatingHistory, projectRatingsByCountry, ratingsSyncStatus, syncRatings] as const;

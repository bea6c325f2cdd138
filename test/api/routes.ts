// Every /api/v1 route handler with a valid and an invalid request aimed at the world's objects.
import type { Permission } from "@/lib/auth/permissions";
import * as apps from "@/app/api/v1/projects/[projectId]/apps/route";
import * as appRatings from "@/app/api/v1/apps/[appId]/ratings/route";
import * as appHistory from "@/app/api/v1/apps/[appId]/ratings/history/route";
import * as byCountry from "@/app/api/v1/projects/[projectId]/ratings/by-country/route";
import * as ratingsSync from "@/app/api/v1/projects/[projectId]/ratings/sync/route";
import * as asc from "@/app/api/v1/projects/[projectId]/integrations/app-store-connect/route";
import * as ascCopy from "@/app/api/v1/projects/[projectId]/integrations/app-store-connect/copy/route";
import * as ascSync from "@/app/api/v1/projects/[projectId]/integrations/app-store-connect/sync/route";
import * as ascTest from "@/app/api/v1/projects/[projectId]/integrations/app-store-connect/test/route";
import * as review from "@/app/api/v1/reviews/[reviewId]/route";
import * as reply from "@/app/api/v1/reviews/[reviewId]/response/route";
import * as reviews from "@/app/api/v1/reviews/route";
import * as run from "@/app/api/v1/runs/[runId]/route";
import type { ApiWorld, CallOptions, RouteHandler } from "./harness";

export interface RouteCase {
  name: string;
  handler: RouteHandler;
  permission: Permission;
  path: (w: ApiWorld & { runId: string }) => string;
  valid: (w: ApiWorld & { runId: string }) => CallOptions;
  invalid: (w: ApiWorld & { runId: string }) => CallOptions;
}

const project = (w: ApiWorld) => ({ projectId: w.projectId });
const BAD_ID = { projectId: "not-a-uuid" };

export const ROUTE_CASES: RouteCase[] = [
  { name: "GET apps", handler: apps.GET, permission: "reviews:read", path: (w) => `/projects/${w.projectId}/apps`, valid: (w) => ({ params: project(w) }), invalid: () => ({ params: BAD_ID }) },
  { name: "GET apps/{id}/ratings", handler: appRatings.GET, permission: "reviews:read", path: (w) => `/apps/${w.weatherId}/ratings`, valid: (w) => ({ params: { appId: w.weatherId } }), invalid: () => ({ params: { appId: "weather" } }) },
  {
    name: "GET apps/{id}/ratings/history",
    handler: appHistory.GET,
    permission: "reviews:read",
    path: (w) => `/apps/${w.weatherId}/ratings/history`,
    valid: (w) => ({ params: { appId: w.weatherId }, query: { days: "90", country: "us" } }),
    invalid: (w) => ({ params: { appId: w.weatherId }, query: { days: "7" } }),
  },
  { name: "GET projects/{id}/ratings/by-country", handler: byCountry.GET, permission: "reviews:read", path: (w) => `/projects/${w.projectId}/ratings/by-country`, valid: (w) => ({ params: project(w) }), invalid: () => ({ params: BAD_ID }) },
  { name: "POST ratings/sync", handler: ratingsSync.POST, permission: "integrations:write", path: (w) => `/projects/${w.projectId}/ratings/sync`, valid: (w) => ({ method: "POST", params: project(w) }), invalid: () => ({ method: "POST", params: BAD_ID }) },
  { name: "GET runs/{id}", handler: run.GET, permission: "reviews:read", path: (w) => `/runs/${w.runId}`, valid: (w) => ({ params: { runId: w.runId } }), invalid: () => ({ params: { runId: "42" } }) },
  { name: "GET reviews", handler: reviews.GET, permission: "reviews:read", path: () => "/reviews", valid: (w) => ({ query: { project: w.projectId } }), invalid: (w) => ({ query: { project: w.projectId, rating: "9" } }) },
  { name: "GET reviews/{id}", handler: review.GET, permission: "reviews:read", path: (w) => `/reviews/${w.reviews.crash}`, valid: (w) => ({ params: { reviewId: w.reviews.crash } }), invalid: () => ({ params: { reviewId: "x" } }) },
  {
    name: "PUT reviews/{id}/response",
    handler: reply.PUT,
    permission: "reviews:write",
    path: (w) => `/reviews/${w.reviews.crash}/response`,
    valid: (w) => ({ method: "PUT", params: { reviewId: w.reviews.crash }, body: { body: "Sorry, fixed in 2.1." } }),
    invalid: (w) => ({ method: "PUT", params: { reviewId: w.reviews.crash }, body: { body: "   " } }),
  },
  {
    name: "DELETE reviews/{id}/response",
    handler: reply.DELETE,
    permission: "reviews:write",
    path: (w) => `/reviews/${w.reviews.love}/response`,
    valid: (w) => ({ method: "DELETE", params: { reviewId: w.reviews.love } }),
    invalid: () => ({ method: "DELETE", params: { reviewId: "nope" } }),
  },
  { name: "GET integration", handler: asc.GET, permission: "integrations:read", path: (w) => `/projects/${w.projectId}/integrations/app-store-connect`, valid: (w) => ({ params: project(w) }), invalid: () => ({ params: BAD_ID }) },
  { name: "POST integration/test", handler: ascTest.POST, permission: "integrations:write", path: (w) => `/projects/${w.projectId}/integrations/app-store-connect/test`, valid: (w) => ({ method: "POST", params: project(w) }), invalid: () => ({ method: "POST", params: BAD_ID }) },
  { name: "POST integration/sync", handler: ascSync.POST, permission: "integrations:write", path: (w) => `/projects/${w.projectId}/integrations/app-store-connect/sync`, valid: (w) => ({ method: "POST", params: project(w) }), invalid: () => ({ method: "POST", params: BAD_ID }) },
  {
    name: "POST integration/copy",
    handler: ascCopy.POST,
    permission: "integrations:write",
    // Copy into the other project from the wired one.
    path: (w) => `/projects/${w.otherProjectId}/integrations/app-store-connect/copy`,
    valid: (w) => ({ method: "POST", params: { projectId: w.otherProjectId }, body: { fromProjectId: w.projectId } }),
    invalid: (w) => ({ method: "POST", params: { projectId: w.otherProjectId }, body: { fromProjectId: "elsewhere" } }),
  },
];

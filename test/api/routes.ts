// Every /api/v1 endpoint (lib/api/v1/endpoints.ts) with a valid and an invalid request aimed at the world's objects.
// The route handler, its method, path and permission all come from the endpoint list: an endpoint added without a
// case here fails every API test at load.
import path from "node:path";
import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { fillPath, type Endpoint } from "@/lib/api/v1/endpoint";
import type { ApiWorld, CallOptions, RouteHandler } from "./harness";

export type RouteWorld = ApiWorld & { runId: string };

export interface RouteCase {
  name: string;
  endpoint: Endpoint;
  handler: RouteHandler;
  path: (w: RouteWorld) => string;
  valid: (w: RouteWorld) => CallOptions;
  invalid: (w: RouteWorld) => CallOptions;
}

type Inputs = Pick<RouteCase, "valid" | "invalid">;

const project = (w: ApiWorld) => ({ params: { projectId: w.projectId } });
const badProject = () => ({ params: { projectId: "not-a-uuid" } });

/** A valid and an invalid request per endpoint, by operationId (method, path and permission come from the endpoint). */
const INPUTS: Record<string, Inputs> = {
  listApps: { valid: project, invalid: badProject },
  getAppRatingsByCountry: { valid: (w) => ({ params: { appId: w.weatherId } }), invalid: () => ({ params: { appId: "weather" } }) },
  getAppRatingHistory: {
    valid: (w) => ({ params: { appId: w.weatherId }, query: { days: "90", country: "us" } }),
    invalid: (w) => ({ params: { appId: w.weatherId }, query: { days: "7" } }),
  },
  getProjectRatingsByCountry: { valid: project, invalid: badProject },
  getRatingsSyncStatus: { valid: project, invalid: badProject },
  syncRatings: { valid: project, invalid: badProject },
  getProjectSales: {
    valid: (w) => ({ ...project(w), query: { from: "2026-01-01", to: "2026-01-31", groupBy: "country" } }),
    invalid: (w) => ({ ...project(w), query: { from: "2026-02-01", to: "2026-01-31" } }),
  },
  getProjectSalesByApp: { valid: (w) => ({ ...project(w), query: { from: "2026-01-01" } }), invalid: (w) => ({ ...project(w), query: { to: "2026-02-30" } }) },
  getProjectSalesSummary: { valid: project, invalid: badProject },
  getAppSales: {
    valid: (w) => ({ params: { appId: w.weatherId }, query: { groupBy: "day" } }),
    invalid: (w) => ({ params: { appId: w.weatherId }, query: { groupBy: "week" } }),
  },
  getRun: { valid: (w) => ({ params: { runId: w.runId } }), invalid: () => ({ params: { runId: "42" } }) },
  listReviews: { valid: (w) => ({ query: { project: w.projectId } }), invalid: (w) => ({ query: { project: w.projectId, rating: "9" } }) },
  getReview: { valid: (w) => ({ params: { reviewId: w.reviews.crash } }), invalid: () => ({ params: { reviewId: "x" } }) },
  putReviewResponse: {
    valid: (w) => ({ params: { reviewId: w.reviews.crash }, body: { body: "Sorry, fixed in 2.1." } }),
    invalid: (w) => ({ params: { reviewId: w.reviews.crash }, body: { body: "   " } }),
  },
  deleteReviewResponse: { valid: (w) => ({ params: { reviewId: w.reviews.love } }), invalid: () => ({ params: { reviewId: "nope" } }) },
  getAppStoreConnectIntegration: { valid: project, invalid: badProject },
  testAppStoreConnectIntegration: { valid: project, invalid: badProject },
  syncAppStoreConnectIntegration: { valid: project, invalid: badProject },
  // Copy into the other project from the wired one.
  copyAppStoreConnectIntegration: {
    valid: (w) => ({ params: { projectId: w.otherProjectId }, body: { fromProjectId: w.projectId } }),
    invalid: (w) => ({ params: { projectId: w.otherProjectId }, body: { fromProjectId: "elsewhere" } }),
  },
  getAppStoreConnectReportsStatus: { valid: project, invalid: badProject },
  syncAppStoreConnectReports: { valid: project, invalid: badProject },
  getGooglePlayIntegration: { valid: project, invalid: badProject },
  testGooglePlayIntegration: { valid: project, invalid: badProject },
  syncGooglePlayIntegration: { valid: project, invalid: badProject },
  copyGooglePlayIntegration: {
    valid: (w) => ({ params: { projectId: w.otherProjectId }, body: { fromProjectId: w.projectId } }),
    invalid: (w) => ({ params: { projectId: w.otherProjectId }, body: { fromProjectId: "elsewhere" } }),
  },
  listNotifications: { valid: () => ({ query: { limit: "5" } }), invalid: () => ({ query: { limit: "500" } }) },
};

/** The route file Next serves for an endpoint: "/reviews/{reviewId}" → app/api/v1/reviews/[reviewId]/route.ts. */
export function routeFileOf(e: Endpoint): string {
  return path.resolve(__dirname, "../../app/api/v1", `.${e.path.replace(/\{(\w+)\}/g, "[$1]")}`, "route.ts");
}

async function routeCase(e: Endpoint): Promise<RouteCase> {
  const inputs = INPUTS[e.operationId];
  if (!inputs) throw new Error(`test/api/routes.ts has no valid and invalid request for ${e.operationId} (${e.method} ${e.path}).`);
  const handler = ((await import(/* @vite-ignore */ routeFileOf(e))) as Record<string, RouteHandler | undefined>)[e.method];
  if (!handler) throw new Error(`${routeFileOf(e)} exports no ${e.method} handler for ${e.operationId}.`);
  const withMethod = (options: CallOptions) => ({ method: e.method, ...options });
  return {
    name: `${e.method} ${e.path}`,
    endpoint: e,
    handler,
    path: (w) => fillPath(e, inputs.valid(w).params ?? {}).slice("/api/v1".length),
    valid: (w) => withMethod(inputs.valid(w)),
    invalid: (w) => withMethod(inputs.invalid(w)),
  };
}

export const ROUTE_CASES: RouteCase[] = await Promise.all((ENDPOINTS as readonly Endpoint[]).map(routeCase));

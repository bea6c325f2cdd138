// Ratings operations of /api/v1 (kept apart: the by-country and history shapes follow the ratings data layer).
import { endpoint } from "./endpoint";
import { projectParams } from "./schemas/apps";
import { syncRequestedSchema } from "./schemas/runs";

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

export const ratingsEndpoints = [syncRatings] as const;

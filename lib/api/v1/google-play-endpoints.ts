// The Google Play connection's operations in /api/v1, beside App Store Connect's (endpoints.ts).
import { endpoint } from "./endpoint";
import { projectParams } from "./schemas/apps";
import { copyPlayConnectionBody, playConnectionCopiedSchema, playConnectionTestSchema, playStatusSchema } from "./schemas/google-play";
import { syncRequestedSchema } from "./schemas/runs";

const playPath = "/projects/{projectId}/integrations/google-play";

export const getPlayIntegration = endpoint({
  operationId: "getGooglePlayIntegration",
  method: "GET",
  path: playPath,
  tag: "Integrations",
  summary: "Google Play connection status and the latest run of each Play job",
  permission: "integrations:read",
  params: projectParams,
  response: playStatusSchema,
});

export const testPlayIntegration = endpoint({
  operationId: "testGooglePlayIntegration",
  method: "POST",
  path: `${playPath}/test`,
  tag: "Integrations",
  summary: "Test the connection: a token with the key, the reviews of each Android app, the reports bucket — each refusal in Google's words with a hint",
  permission: "integrations:write",
  params: projectParams,
  response: playConnectionTestSchema,
});

export const syncPlayIntegration = endpoint({
  operationId: "syncGooglePlayIntegration",
  method: "POST",
  path: `${playPath}/sync`,
  tag: "Integrations",
  summary: "Start a Google Play reviews sync (the last 7 days) for the project; poll the run",
  permission: "integrations:write",
  params: projectParams,
  response: syncRequestedSchema,
  status: 202,
});

export const copyPlayIntegration = endpoint({
  operationId: "copyGooglePlayIntegration",
  method: "POST",
  path: `${playPath}/copy`,
  tag: "Integrations",
  summary: "Copy the Google Play connection of another project of the team into this one, test it and start its imports",
  permission: "integrations:write",
  params: projectParams,
  body: copyPlayConnectionBody,
  response: playConnectionCopiedSchema,
});

export const googlePlayEndpoints = [getPlayIntegration, testPlayIntegration, syncPlayIntegration, copyPlayIntegration] as const;

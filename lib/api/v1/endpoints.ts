// Every /api/v1 operation. Adding a route means adding it here (the OpenAPI test fails otherwise).
import { endpoint } from "./endpoint";
import { appListSchema, projectParams } from "./schemas/apps";
import { inboxSchema, notificationListQuery } from "./schemas/notifications";
import { copyIntegrationBody, copyIntegrationResultSchema, connectionTestSchema, integrationStatusSchema, reportsStatusSchema, reportsSyncRequestedSchema } from "./schemas/integrations";
import { replyBodySchema, reviewDetailSchema, reviewListQuery, reviewPageSchema, reviewParams, reviewResultSchema } from "./schemas/reviews";
import { runParams, syncRequestedSchema, syncRunSchema } from "./schemas/runs";
import { googlePlayEndpoints } from "./google-play-endpoints";
import { ratingsEndpoints } from "./ratings-endpoints";
import { salesEndpoints } from "./sales-endpoints";

export const listApps = endpoint({
  operationId: "listApps",
  method: "GET",
  path: "/projects/{projectId}/apps",
  tag: "Apps & ratings",
  summary: "Apps of a project with their worldwide rating rollup and daily delta",
  permission: "reviews:read",
  params: projectParams,
  response: appListSchema,
});

export const getRun = endpoint({
  operationId: "getRun",
  method: "GET",
  path: "/runs/{runId}",
  tag: "Runs",
  summary: "Status, progress and counters of a sync run",
  permission: "reviews:read",
  params: runParams,
  response: syncRunSchema,
});

export const listReviews = endpoint({
  operationId: "listReviews",
  method: "GET",
  path: "/reviews",
  tag: "Reviews",
  summary: "Search reviews (the reviews page's filters), newest first, cursor-paginated",
  description: "q uses web-search syntax: words, \"phrases\", -exclusions. rating is 5 or a range such as 1-3. store is app_store or google_play.",
  permission: "reviews:read",
  query: reviewListQuery,
  response: reviewPageSchema,
});

export const getReview = endpoint({
  operationId: "getReview",
  method: "GET",
  path: "/reviews/{reviewId}",
  tag: "Reviews",
  summary: "One review with its reply",
  permission: "reviews:read",
  params: reviewParams,
  response: reviewDetailSchema,
});

export const putReviewResponse = endpoint({
  operationId: "putReviewResponse",
  method: "PUT",
  path: "/reviews/{reviewId}/response",
  tag: "Reviews",
  summary: "Publish a public reply, or replace the existing one",
  description:
    "Needs reviews:write. Sent to the review's store: App Store Connect (at most 5,970 characters; Apple publishes it after review) or Google Play (at most 350 characters, published at once). A refused reply changes nothing stored. Replies from an agent key are audit-logged with the key.",
  permission: "reviews:write",
  params: reviewParams,
  body: replyBodySchema,
  response: reviewResultSchema,
});

export const deleteReviewResponse = endpoint({
  operationId: "deleteReviewResponse",
  method: "DELETE",
  path: "/reviews/{reviewId}/response",
  tag: "Reviews",
  summary: "Delete the public reply (irrecoverable)",
  description: "Removes the reply from the App Store. There is no undo. Google Play has no way to delete a reply: for a Play review the answer is 409 (reply again to replace it).",
  permission: "reviews:write",
  params: reviewParams,
  response: reviewResultSchema,
});

const ascPath = "/projects/{projectId}/integrations/app-store-connect";

export const getAscIntegration = endpoint({
  operationId: "getAppStoreConnectIntegration",
  method: "GET",
  path: ascPath,
  tag: "Integrations",
  summary: "App Store Connect integration status and the latest reviews sync",
  permission: "integrations:read",
  params: projectParams,
  response: integrationStatusSchema,
});

export const testAscIntegration = endpoint({
  operationId: "testAppStoreConnectIntegration",
  method: "POST",
  path: `${ascPath}/test`,
  tag: "Integrations",
  summary: "Test the connection: which apps the key sees, which project apps it covers, and whether it reads Sales and Finance reports",
  permission: "integrations:write",
  params: projectParams,
  response: connectionTestSchema,
});

export const syncAscIntegration = endpoint({
  operationId: "syncAppStoreConnectIntegration",
  method: "POST",
  path: `${ascPath}/sync`,
  tag: "Integrations",
  summary: "Start a reviews sync for the project; poll the run",
  permission: "integrations:write",
  params: projectParams,
  response: syncRequestedSchema,
  status: 202,
});

export const copyAscIntegration = endpoint({
  operationId: "copyAppStoreConnectIntegration",
  method: "POST",
  path: `${ascPath}/copy`,
  tag: "Integrations",
  summary: "Copy the App Store Connect key of another project of the team into this one, then test it",
  permission: "integrations:write",
  params: projectParams,
  body: copyIntegrationBody,
  response: copyIntegrationResultSchema,
});

export const getAscReportsStatus = endpoint({
  operationId: "getAppStoreConnectReportsStatus",
  method: "GET",
  path: `${ascPath}/reports`,
  tag: "Integrations",
  summary: "Sales and Finance reports: days and months stored, pending and failed, and the latest runs",
  permission: "integrations:read",
  params: projectParams,
  response: reportsStatusSchema,
});

export const syncAscReports = endpoint({
  operationId: "syncAppStoreConnectReports",
  method: "POST",
  path: `${ascPath}/reports/sync`,
  tag: "Integrations",
  summary: "Import every Sales day Apple keeps that is not stored yet, and the due Finance months; poll the run",
  description: "One sales run per project at a time: while one is queued or running, its id is returned with alreadyRunning.",
  permission: "integrations:write",
  params: projectParams,
  response: reportsSyncRequestedSchema,
  status: 202,
});

export const listNotifications = endpoint({
  operationId: "listNotifications",
  method: "GET",
  path: "/notifications",
  tag: "Notifications",
  summary: "The signed-in person's inbox (the dashboard's bell), newest first, and how many are unread",
  permission: "self",
  query: notificationListQuery,
  response: inboxSchema,
});

export const ENDPOINTS = [
  listApps,
  ...ratingsEndpoints,
  ...salesEndpoints,
  getRun,
  listReviews,
  getReview,
  putReviewResponse,
  deleteReviewResponse,
  getAscIntegration,
  testAscIntegration,
  syncAscIntegration,
  copyAscIntegration,
  getAscReportsStatus,
  syncAscReports,
  ...googlePlayEndpoints,
  listNotifications,
] as const;

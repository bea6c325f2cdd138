import { z } from "zod";

// Event names and payloads, one zod schema each: the single definition used to send and to receive.
export const syncRequestedData = z.object({
  projectId: z.uuid(),
  runId: z.uuid(),
});

export const EVENTS = {
  ratingsSyncRequested: "ratings/sync.requested",
  reviewsSyncRequested: "reviews/sync.requested",
  versionSyncRequested: "versions/sync.requested",
} as const;

/** One app (right after it was created) or one project; the run row was recorded when it was requested. */
export const versionSyncRequestedData = z
  .object({ appId: z.uuid().optional(), projectId: z.uuid().optional(), runId: z.uuid().optional() })
  .refine((d) => d.appId || d.projectId, { message: "appId or projectId is required" });

import { z } from "zod";

// Event names and payloads, one zod schema each: the single definition used to send and to receive.
export const syncRequestedData = z.object({
  projectId: z.uuid(),
  runId: z.uuid(),
});
export type SyncRequestedData = z.infer<typeof syncRequestedData>;

export const EVENTS = {
  ratingsSyncRequested: "ratings/sync.requested",
  reviewsSyncRequested: "reviews/sync.requested",
  versionSyncRequested: "versions/sync.requested",
} as const;

export const appVersionSyncRequestedData = z.object({ appId: z.uuid(), runId: z.uuid().optional() });

import { z } from "zod";

// Every event Starboard sends or receives, with its payload's zod schema: the one definition used to send (the
// dispatcher in lib/jobs/dispatch.ts validates with it) and to receive (the Inngest functions parse with it).
export const EVENTS = {
  ratingsSyncRequested: "ratings/sync.requested",
  reviewsSyncRequested: "reviews/sync.requested",
  versionSyncRequested: "versions/sync.requested",
  salesSyncRequested: "sales/sync.requested",
  salesBackfillRequested: "sales/backfill.requested",
  financeSyncRequested: "finance/sync.requested",
  /** Send the external deliveries (email, Slack, webhooks) of one notification event. */
  notificationsDeliverRequested: "notifications/deliver.requested",
  playReviewsSyncRequested: "google-play/reviews.sync.requested",
  playReviewsBackfillRequested: "google-play/reviews.backfill.requested",
  playRatingsSyncRequested: "google-play/ratings.sync.requested",
  analyticsSyncRequested: "analytics/sync.requested",
} as const;

export type EventName = (typeof EVENTS)[keyof typeof EVENTS];

/** One project's run, recorded (queued) when it was requested. */
export const syncRequestedData = z.object({
  projectId: z.uuid(),
  runId: z.uuid(),
});

/** One app (right after it was created) or one project; the run row was recorded when it was requested. */
export const versionSyncRequestedData = z
  .object({ appId: z.uuid().optional(), projectId: z.uuid().optional(), runId: z.uuid().optional() })
  .refine((d) => d.appId || d.projectId, { message: "appId or projectId is required" });

export const deliverRequestedData = z.object({ dedupeKey: z.string().min(1).max(500) });

export const EVENT_DATA = {
  [EVENTS.ratingsSyncRequested]: syncRequestedData,
  [EVENTS.reviewsSyncRequested]: syncRequestedData,
  [EVENTS.versionSyncRequested]: versionSyncRequestedData,
  [EVENTS.salesSyncRequested]: syncRequestedData,
  [EVENTS.salesBackfillRequested]: syncRequestedData,
  [EVENTS.financeSyncRequested]: syncRequestedData,
  [EVENTS.notificationsDeliverRequested]: deliverRequestedData,
  [EVENTS.playReviewsSyncRequested]: syncRequestedData,
  [EVENTS.playReviewsBackfillRequested]: syncRequestedData,
  [EVENTS.playRatingsSyncRequested]: syncRequestedData,
  [EVENTS.analyticsSyncRequested]: syncRequestedData,
} as const satisfies Record<EventName, z.ZodType>;

export type EventData<E extends EventName> = z.output<(typeof EVENT_DATA)[E]>;

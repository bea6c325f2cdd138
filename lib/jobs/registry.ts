import "server-only";
// Every piece of background work Starboard runs, in one list: the sync jobs by kind (what `npm run job` runs, what
// "Sync" buttons, the CLI and the API request) and the notification deliveries. Each entry's event is served by an
// Inngest function in inngest/functions (a test checks that every one is).
import { EVENTS } from "@/inngest/events";
import { notificationDelivery } from "@/lib/notifications/deliver";
import type { JobHandler } from "@/lib/sync/job";
import { failUnfinishedRuns, type SyncKind } from "@/lib/sync/runs";
import { defineWork, type BackgroundWork } from "./work";

type SyncEvent =
  | typeof EVENTS.ratingsSyncRequested
  | typeof EVENTS.reviewsSyncRequested
  | typeof EVENTS.versionSyncRequested
  | typeof EVENTS.salesSyncRequested
  | typeof EVENTS.salesBackfillRequested
  | typeof EVENTS.financeSyncRequested
  | typeof EVENTS.playReviewsSyncRequested
  | typeof EVENTS.playReviewsBackfillRequested
  | typeof EVENTS.playRatingsSyncRequested
  | typeof EVENTS.analyticsSyncRequested;

export interface SyncJob {
  kind: SyncKind;
  /** The handler, imported when a run starts: a page that only requests a run stays light. */
  handler(): Promise<JobHandler>;
  /** A recorded (queued) run of one project or app, requested by its event. */
  work: BackgroundWork<SyncEvent>;
}

function syncJob(kind: SyncKind, event: SyncEvent, handler: () => Promise<JobHandler>): SyncJob {
  return {
    kind,
    handler,
    work: defineWork({
      event,
      // What the Inngest function passes the handler too: one app, else the project, and the recorded run.
      run: async (data: { projectId?: string; appId?: string; runId?: string }, steps) =>
        (await handler())({ ...(data.appId ? { appId: data.appId } : { projectId: data.projectId }), runId: data.runId, trigger: "manual", steps }),
      failed: async (data: { runId?: string }, error) => {
        if (data.runId) await failUnfinishedRuns({ runId: data.runId }, error.message);
      },
    }),
  };
}

export const SYNC_JOBS: Record<SyncKind, SyncJob> = {
  app_version_sync: syncJob("app_version_sync", EVENTS.versionSyncRequested, async () => (await import("@/lib/sync/versions/sync-app-versions")).syncAppVersions),
  app_store_ratings_sync: syncJob("app_store_ratings_sync", EVENTS.ratingsSyncRequested, async () => (await import("@/lib/sync/ratings/sync-ratings")).syncRatings),
  app_store_connect_reviews_sync: syncJob("app_store_connect_reviews_sync", EVENTS.reviewsSyncRequested, async () => (await import("@/lib/sync/reviews/job")).reviewsSyncJob),
  app_store_sales_sync: syncJob("app_store_sales_sync", EVENTS.salesSyncRequested, async () => (await import("@/lib/sync/sales/job")).salesSyncJob),
  app_store_sales_backfill: syncJob("app_store_sales_backfill", EVENTS.salesBackfillRequested, async () => (await import("@/lib/sync/sales/job")).salesBackfillJob),
  app_store_finance_sync: syncJob("app_store_finance_sync", EVENTS.financeSyncRequested, async () => (await import("@/lib/sync/sales/job")).financeSyncJob),
  google_play_reviews_sync: syncJob("google_play_reviews_sync", EVENTS.playReviewsSyncRequested, async () => (await import("@/lib/sync/google-play/job")).playReviewsSyncJob),
  google_play_reviews_backfill: syncJob("google_play_reviews_backfill", EVENTS.playReviewsBackfillRequested, async () => (await import("@/lib/sync/google-play/job")).playReviewsBackfillJob),
  google_play_ratings_sync: syncJob("google_play_ratings_sync", EVENTS.playRatingsSyncRequested, async () => (await import("@/lib/sync/google-play/job")).playRatingsSyncJob),
  app_store_analytics_sync: syncJob("app_store_analytics_sync", EVENTS.analyticsSyncRequested, async () => (await import("@/lib/sync/analytics/job")).analyticsSyncJob),
};

/** Every background work, one per event. */
export const BACKGROUND_WORK: readonly BackgroundWork[] = [...Object.values(SYNC_JOBS).map((job) => job.work), notificationDelivery] as BackgroundWork[];

export function syncJobOf(kind: string): SyncJob {
  const job = SYNC_JOBS[kind as SyncKind];
  if (!job) throw new Error(`Unknown job "${kind}". Known jobs: ${knownJobs().join(", ")}.`);
  return job;
}

export function knownJobs(): SyncKind[] {
  return Object.keys(SYNC_JOBS) as SyncKind[];
}

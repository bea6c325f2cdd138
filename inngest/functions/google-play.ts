// Thin Inngest wrappers around lib/sync/google-play: the scheduled fan-outs and the per-project runs.
import { inngest } from "@/inngest/client";
import { EVENTS, syncRequestedData } from "@/inngest/events";
import { backfillPlayReviews, importPlayRatings, queueScheduledPlayRuns, syncPlayReviews } from "@/lib/sync/google-play";
import { failUnfinishedRuns } from "@/lib/sync/runs";
import { inngestSteps } from "./step-runner";

/** Every 6 hours: the API shows only the last 7 days, so a missed run or two still loses nothing. */
export const PLAY_REVIEWS_CRON = "TZ=UTC 0 */6 * * *";
/** Daily at 07:00 UTC: Play Console rewrites the current month's files once a day, 1–2 days behind. */
export const PLAY_RATINGS_CRON = "TZ=UTC 0 7 * * *";

const onFailure = async ({ event, error }: { event: { data: { event: { data: unknown } } }; error: Error }) => {
  const data = syncRequestedData.safeParse(event.data.event.data);
  if (data.success) await failUnfinishedRuns({ runId: data.data.runId }, error.message);
};

export const playReviewsSyncScheduled = inngest.createFunction(
  { id: "google-play-reviews-sync-scheduled", name: "Google Play reviews: 6-hourly fan-out", triggers: [{ cron: PLAY_REVIEWS_CRON }] },
  async ({ step }) => {
    const queued = await step.run("queue-project-runs", () => queueScheduledPlayRuns("google_play_reviews_sync"));
    if (queued.length > 0) await step.sendEvent("fan-out", queued.map((q) => ({ name: EVENTS.playReviewsSyncRequested, data: q })));
    return { projects: queued.length };
  },
);

export const playReviewsSyncProject = inngest.createFunction(
  {
    id: "google-play-reviews-sync-project",
    name: "Google Play reviews: one project",
    triggers: [{ event: EVENTS.playReviewsSyncRequested }],
    concurrency: [{ key: "event.data.projectId", limit: 1 }],
    retries: 3,
    onFailure,
  },
  async ({ event, step }) => {
    const data = syncRequestedData.parse(event.data);
    return syncPlayReviews({ projectId: data.projectId, runId: data.runId, trigger: "manual", steps: inngestSteps(step) });
  },
);

export const playReviewsBackfillProject = inngest.createFunction(
  {
    id: "google-play-reviews-backfill-project",
    name: "Google Play reviews: backfill from the monthly exports",
    triggers: [{ event: EVENTS.playReviewsBackfillRequested }],
    concurrency: [{ key: "event.data.projectId", limit: 1 }],
    retries: 3,
    onFailure,
  },
  async ({ event, step }) => {
    const data = syncRequestedData.parse(event.data);
    return backfillPlayReviews({ projectId: data.projectId, runId: data.runId, trigger: "manual", steps: inngestSteps(step) });
  },
);

export const playRatingsSyncScheduled = inngest.createFunction(
  { id: "google-play-ratings-sync-scheduled", name: "Google Play ratings: daily fan-out", triggers: [{ cron: PLAY_RATINGS_CRON }] },
  async ({ step }) => {
    const queued = await step.run("queue-project-runs", () => queueScheduledPlayRuns("google_play_ratings_sync"));
    if (queued.length > 0) await step.sendEvent("fan-out", queued.map((q) => ({ name: EVENTS.playRatingsSyncRequested, data: q })));
    return { projects: queued.length };
  },
);

export const playRatingsSyncProject = inngest.createFunction(
  {
    id: "google-play-ratings-sync-project",
    name: "Google Play ratings: one project",
    triggers: [{ event: EVENTS.playRatingsSyncRequested }],
    concurrency: [{ key: "event.data.projectId", limit: 1 }],
    retries: 3,
    onFailure,
  },
  async ({ event, step }) => {
    const data = syncRequestedData.parse(event.data);
    return importPlayRatings({ projectId: data.projectId, runId: data.runId, trigger: "manual", steps: inngestSteps(step) });
  },
);

export const googlePlayFunctions = [playReviewsSyncScheduled, playReviewsSyncProject, playReviewsBackfillProject, playRatingsSyncScheduled, playRatingsSyncProject];

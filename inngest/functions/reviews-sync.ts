// Thin Inngest wrappers around lib/sync/reviews: the nightly fan-out and the per-project run.
import { inngest } from "@/inngest/client";
import { EVENTS, syncRequestedData } from "@/inngest/events";
import { failUnfinishedRuns } from "@/lib/sync/runs";
import { queueScheduledReviewRuns, syncProjectReviews } from "@/lib/sync/reviews";
import { inngestSteps } from "./step-runner";

/** Daily at 05:30 UTC (after the 04:30 ratings run): one event per project with an active integration. */
export const REVIEWS_SYNC_CRON = "TZ=UTC 30 5 * * *";

export const reviewsSyncScheduled = inngest.createFunction(
  { id: "reviews-sync-scheduled", name: "Reviews sync: nightly fan-out", triggers: [{ cron: REVIEWS_SYNC_CRON }] },
  async ({ step }) => {
    const queued = await step.run("queue-project-runs", () => queueScheduledReviewRuns());
    if (queued.length > 0) {
      await step.sendEvent("fan-out", queued.map((q) => ({ name: EVENTS.reviewsSyncRequested, data: q })));
    }
    return { projects: queued.length };
  },
);

export const reviewsSyncProject = inngest.createFunction(
  {
    id: "reviews-sync-project",
    name: "Reviews sync: one project",
    triggers: [{ event: EVENTS.reviewsSyncRequested }],
    // At most one run per project at a time (requestProjectSync also refuses a second queued run).
    concurrency: [{ key: "event.data.projectId", limit: 1 }],
    retries: 3,
    onFailure: async ({ event, error }) => {
      const data = syncRequestedData.safeParse(event.data.event.data);
      if (data.success) await failUnfinishedRuns({ runId: data.data.runId }, error.message);
    },
  },
  async ({ event, step }) => {
    const data = syncRequestedData.parse(event.data);
    return syncProjectReviews({ projectId: data.projectId, runId: data.runId, trigger: "manual", steps: inngestSteps(step) });
  },
);

export const reviewsFunctions = [reviewsSyncScheduled, reviewsSyncProject];

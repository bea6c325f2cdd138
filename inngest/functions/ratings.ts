import { inngest } from "@/inngest/client";
import { EVENTS, syncRequestedData } from "@/inngest/events";
import { syncRatings } from "@/lib/sync/ratings/sync-ratings";
import { failUnfinishedRuns } from "@/lib/sync/runs";
import { ITUNES_LOOKUP_BUDGET, inngestSteps } from "./step-runner";

// The account-wide iTunes concurrency key lets one step run at a time anyway: parallel steps would only queue.
const STOREFRONTS_IN_SEQUENCE = 1;

export const RATINGS_CRON = "TZ=UTC 30 4 * * *";

/** Daily at 04:30 UTC: every Apple app of every project, one call per storefront per chunk of apps. */
export const ratingsSyncScheduled = inngest.createFunction(
  {
    id: "ratings-sync-scheduled",
    name: "Ratings: daily snapshot of every storefront",
    triggers: [{ cron: RATINGS_CRON }],
    singleton: { mode: "skip" },
    concurrency: [ITUNES_LOOKUP_BUDGET],
    retries: 3,
    onFailure: async () => {
      await failUnfinishedRuns({ kind: "app_store_ratings_sync", scope: "system" }, "The scheduled ratings sync failed after its retries.");
    },
  },
  async ({ step }) => syncRatings({ trigger: "schedule", steps: inngestSteps(step), parallelStorefronts: STOREFRONTS_IN_SEQUENCE }),
);

/** "Sync ratings" (dashboard, CLI, API): one project, at most one run per project at a time. */
export const ratingsSyncRequested = inngest.createFunction(
  {
    id: "ratings-sync-requested",
    name: "Ratings: sync one project",
    triggers: [{ event: EVENTS.ratingsSyncRequested }],
    concurrency: [{ key: "event.data.projectId", limit: 1 }, ITUNES_LOOKUP_BUDGET],
    // Many projects asking at once must not start more runs than the shared iTunes budget can carry.
    throttle: { limit: 10, period: "1m" },
    retries: 3,
    onFailure: async ({ event, error }) => {
      const parsed = syncRequestedData.safeParse(event.data.event.data);
      if (parsed.success) await failUnfinishedRuns({ runId: parsed.data.runId }, error.message);
    },
  },
  async ({ event, step }) => {
    const { projectId, runId } = syncRequestedData.parse(event.data);
    return syncRatings({ projectId, runId, trigger: "manual", steps: inngestSteps(step), parallelStorefronts: STOREFRONTS_IN_SEQUENCE });
  },
);

// Thin Inngest wrappers around lib/sync/analytics: a daily fan-out that queues one run per connected project, and
// the per-project run.
import { inngest } from "@/inngest/client";
import { EVENTS, syncRequestedData } from "@/inngest/events";
import { syncAnalytics } from "@/lib/sync/analytics/sync-analytics";
import { queueScheduledAnalyticsRuns } from "@/lib/sync/analytics/schedule";
import { failUnfinishedRuns } from "@/lib/sync/runs";
import { inngestSteps } from "./step-runner";

/** Daily at 14:20 UTC: Apple publishes the day's instances during the (Pacific) morning. */
export const ANALYTICS_SYNC_CRON = "TZ=UTC 20 14 * * *";

export const analyticsSyncScheduled = inngest.createFunction(
  { id: "analytics-sync-scheduled", name: "App Store analytics: daily run per project", triggers: [{ cron: ANALYTICS_SYNC_CRON }], singleton: { mode: "skip" }, retries: 3 },
  async ({ step }) => {
    const queued = await step.run("queue-project-runs", () => queueScheduledAnalyticsRuns());
    if (queued.length > 0) await step.sendEvent("fan-out", queued.map((q) => ({ name: EVENTS.analyticsSyncRequested, data: q })));
    return { projects: queued.length };
  },
);

export const analyticsSyncProject = inngest.createFunction(
  {
    id: "analytics-sync-project",
    name: "App Store analytics: one project",
    triggers: [{ event: EVENTS.analyticsSyncRequested }],
    concurrency: [{ key: "event.data.projectId", limit: 1 }],
    retries: 3,
    onFailure: async ({ event, error }) => {
      const data = syncRequestedData.safeParse(event.data.event.data);
      if (data.success) await failUnfinishedRuns({ runId: data.data.runId }, error.message);
    },
  },
  async ({ event, step }) => {
    const data = syncRequestedData.parse(event.data);
    return syncAnalytics({ projectId: data.projectId, runId: data.runId, trigger: "manual", steps: inngestSteps(step) });
  },
);

export const analyticsFunctions = [analyticsSyncScheduled, analyticsSyncProject];

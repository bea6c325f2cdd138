import { inngest } from "@/inngest/client";
import { EVENTS, versionSyncRequestedData } from "@/inngest/events";
import { failUnfinishedRuns } from "@/lib/sync/runs";
import { syncAppVersions } from "@/lib/sync/versions/sync-app-versions";
import { ITUNES_LOOKUP_BUDGET, inngestSteps } from "./step-runner";

export const VERSIONS_CRON = "TZ=UTC 15 * * * *";

/** Hourly at :15 UTC: App Store id and latest version of every Apple app with a bundle id. */
export const versionSyncScheduled = inngest.createFunction(
  {
    id: "versions-sync-scheduled",
    name: "Versions: hourly App Store id and version refresh",
    triggers: [{ cron: VERSIONS_CRON }],
    singleton: { mode: "skip" },
    concurrency: [ITUNES_LOOKUP_BUDGET],
    retries: 3,
    onFailure: async () => {
      await failUnfinishedRuns({ kind: "app_version_sync", scope: "system" }, "The hourly version sync failed after its retries.");
    },
  },
  async ({ step }) => syncAppVersions({ trigger: "schedule", steps: inngestSteps(step) }),
);

export const versionSyncRequested = inngest.createFunction(
  {
    id: "versions-sync-requested",
    name: "Versions: refresh one app or project",
    triggers: [{ event: EVENTS.versionSyncRequested }],
    concurrency: [{ key: "event.data.projectId", limit: 1 }, ITUNES_LOOKUP_BUDGET],
    retries: 3,
    onFailure: async ({ event, error }) => {
      const parsed = versionSyncRequestedData.safeParse(event.data.event.data);
      if (parsed.success && parsed.data.runId) await failUnfinishedRuns({ runId: parsed.data.runId }, error.message);
    },
  },
  async ({ event, step }) => {
    const { appId, projectId, runId } = versionSyncRequestedData.parse(event.data);
    return syncAppVersions({ appId, projectId: appId ? undefined : projectId, runId, trigger: "manual", steps: inngestSteps(step) });
  },
);

import "server-only";
import { dispatchRun } from "@/lib/jobs/request-sync";
import { createSyncRun } from "@/lib/sync/runs";

/**
 * Right after an Apple app is created: look up its App Store id and version at once instead of waiting for
 * the hourly run. Through Inngest when configured, otherwise in this process in the background.
 * Never throws: the app exists either way and the hourly run catches up.
 */
export async function requestAppVersionSync(app: { id: string; teamId: string; projectId: string }): Promise<string | null> {
  try {
    const run = await createSyncRun({ kind: "app_version_sync", scope: "app", trigger: "manual", teamId: app.teamId, projectId: app.projectId, appId: app.id });
    await dispatchRun("app_version_sync", { runId: run.id, projectId: app.projectId, appId: app.id });
    return run.id;
  } catch (error) {
    console.error("starboard: could not request the version sync for a new app", error);
    return null;
  }
}

import "server-only";
// The nightly fan-out: one queued run per project with an active integration (skipping projects already syncing).
import { queueProjectRun } from "../runs";
import { projectsWithActiveIntegration } from "./sync-project";

export async function queueScheduledReviewRuns(): Promise<{ projectId: string; runId: string }[]> {
  const queued: { projectId: string; runId: string }[] = [];
  for (const project of await projectsWithActiveIntegration()) {
    const { run, alreadyRunning } = await queueProjectRun("app_store_connect_reviews_sync", project, "schedule");
    if (!alreadyRunning) queued.push({ projectId: project.projectId, runId: run.id });
  }
  return queued;
}

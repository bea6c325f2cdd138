import "server-only";
// The daily fan-out: one queued app_store_analytics_sync per connected project that has none queued or running.
import { queueProjectRun } from "../runs";
import { projectsWithAnalytics } from "./sync-analytics";

export async function queueScheduledAnalyticsRuns(): Promise<{ projectId: string; runId: string }[]> {
  const queued: { projectId: string; runId: string }[] = [];
  for (const project of await projectsWithAnalytics()) {
    const { run, alreadyRunning } = await queueProjectRun("app_store_analytics_sync", project, "schedule");
    if (!alreadyRunning) queued.push({ projectId: project.projectId, runId: run.id });
  }
  return queued;
}

import "server-only";
// The scheduled fan-outs: one queued run per project the job covers (skipping projects where one is already going).
import { projectsWithPlayConnection } from "@/lib/data/google-play/connections";
import { queueProjectRun, type SyncKind } from "../runs";

export async function queueScheduledPlayRuns(kind: Extract<SyncKind, "google_play_reviews_sync" | "google_play_ratings_sync" | "google_play_reviews_backfill">): Promise<{ projectId: string; runId: string }[]> {
  const queued: { projectId: string; runId: string }[] = [];
  for (const project of await projectsWithPlayConnection({ needsBucket: kind !== "google_play_reviews_sync" })) {
    const { run, alreadyRunning } = await queueProjectRun(kind, project, "schedule");
    if (!alreadyRunning) queued.push({ projectId: project.projectId, runId: run.id });
  }
  return queued;
}

import "server-only";
// sync.failed: every failed ratings or reviews run (scheduled, manual, CLI, API) tells the owners and admins once.
// Called from lib/sync/runs: finishSyncRun (a run ends) and failUnfinishedRuns (a run was abandoned); the dedupe
// key (type, project, run) makes the onFailure handler, a retried "finish" step and the reviews sync's own
// key-refused notice one event.
import { db } from "@/lib/db";
import { notify } from "./notify";

const KIND_LABEL: Record<string, string> = {
  app_store_ratings_sync: "Ratings sync",
  app_store_connect_reviews_sync: "Review sync",
};

export async function notifySyncFailed(run: { id: string; kind: string; trigger: string; teamId: string | null; projectId: string | null; error: string | null }): Promise<number> {
  const label = KIND_LABEL[run.kind];
  // The hourly version refresh retries itself within the hour; its failures are not worth waking anyone.
  if (!label) return 0;
  const targets = run.projectId
    ? await db.project.findMany({ where: { id: run.projectId }, select: { id: true, teamId: true, name: true } })
    : // A system-wide run (the nightly ratings run across teams) concerns every project with Apple apps.
      await db.project.findMany({ where: { apps: { some: { platform: "apple" } } }, select: { id: true, teamId: true, name: true } });
  let written = 0;
  for (const project of targets) {
    written += await notify({
      type: "sync.failed",
      teamId: project.teamId,
      projectId: project.id,
      syncRunId: run.id,
      title: `${label} failed for ${project.name}`,
      body: `${run.trigger === "schedule" ? "The nightly run" : "The run"} ended without completing: ${run.error ?? "no reason was recorded."}`,
      link: run.kind === "app_store_connect_reviews_sync" ? `/dashboard/projects/${project.id}/integrations` : `/dashboard/projects/${project.id}`,
      data: { kind: run.kind, trigger: run.trigger, error: run.error },
    });
  }
  return written;
}

import "server-only";
// sync.failed: every failed ratings or reviews run (scheduled, manual, CLI, API) tells the owners and admins once,
// and so does a reviews run that ended partial because Apple refused or failed for some app (which app, and
// Apple's answer, are in the notification). Called from lib/sync/runs: finishSyncRun (a run ends) and
// failUnfinishedRuns (a run was abandoned); the dedupe key (type, project, run) makes the onFailure handler, a
// retried "finish" step and the reviews sync's own key-refused notice one event.
import { db } from "@/lib/db";
import { notify } from "./notify";

const KIND_LABEL: Record<string, string> = {
  app_store_ratings_sync: "Ratings sync",
  app_store_connect_reviews_sync: "Review sync",
  app_store_sales_sync: "Sales report sync",
  app_store_sales_backfill: "Sales report backfill",
  app_store_finance_sync: "Finance report sync",
  google_play_reviews_sync: "Google Play review sync",
  google_play_reviews_backfill: "Google Play review backfill",
  google_play_ratings_sync: "Google Play ratings import",
  app_store_analytics_sync: "App Store analytics sync",
};

interface AppFailureNotice {
  app: string;
  status: string;
  code: string | null;
  detail: string | null;
}

/** The per-app failures a run recorded (reviews runs: counters.appFailures), read defensively from JSON. */
function appFailuresOf(counters: unknown): AppFailureNotice[] {
  const list = (counters as { appFailures?: unknown } | null)?.appFailures;
  if (!Array.isArray(list)) return [];
  return list.flatMap((f: Record<string, unknown>) =>
    typeof f?.app === "string" && typeof f.status === "string"
      ? [{ app: f.app, status: f.status, code: typeof f.code === "string" ? f.code : null, detail: typeof f.detail === "string" ? f.detail : null }]
      : [],
  );
}

export async function notifySyncFailed(run: {
  id: string;
  kind: string;
  trigger: string;
  status?: string;
  teamId: string | null;
  projectId: string | null;
  error: string | null;
  counters?: unknown;
}): Promise<number> {
  const label = KIND_LABEL[run.kind];
  // The hourly version refresh retries itself within the hour; its failures are not worth waking anyone.
  if (!label) return 0;
  const appFailures = appFailuresOf(run.counters);
  const partial = run.status === "partial";
  // A partial run is told when Apple failed for an app; gaps with no answer from Apple (e.g. one storefront
  // after retries) show on the run panel only.
  if (partial && appFailures.length === 0) return 0;
  const targets = run.projectId
    ? await db.project.findMany({ where: { id: run.projectId }, select: { id: true, teamId: true, name: true } })
    : // A system-wide run (the nightly ratings run across teams) concerns every project with Apple apps.
      await db.project.findMany({ where: { apps: { some: { platform: "apple" } } }, select: { id: true, teamId: true, name: true } });
  const which = run.trigger === "schedule" ? "The nightly run" : "The run";
  let written = 0;
  for (const project of targets) {
    written += await notify({
      type: "sync.failed",
      teamId: project.teamId,
      projectId: project.id,
      syncRunId: run.id,
      title: partial ? `${label} incomplete for ${project.name}` : `${label} failed for ${project.name}`,
      body: partial
        ? `${which} could not read ${appFailures.map((f) => f.app).join(", ")}: ${run.error ?? "no reason was recorded."}`
        : `${which} ended without completing: ${run.error ?? "no reason was recorded."}`,
      link: run.kind === "app_store_connect_reviews_sync" || run.kind.startsWith("google_play_") ? `/dashboard/projects/${project.id}/integrations` : `/dashboard/projects/${project.id}`,
      data: { kind: run.kind, trigger: run.trigger, status: run.status ?? "failed", error: run.error, appFailures },
    });
  }
  return written;
}

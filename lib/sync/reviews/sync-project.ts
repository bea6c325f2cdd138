import "server-only";
// app_store_connect_reviews_sync for one project: the handler Inngest, the in-process fallback and the job command run.
import { db } from "@/lib/db";
import type { JobResult } from "@/lib/jobs/registry";
import { createSyncRun, finishSyncRun, markRunRunning, type SyncStatus, type SyncTrigger } from "../runs";
import type { StepRunner } from "../steps";
import { addCounters, emptyCounters } from "./counters";
import { dropSeen } from "./reconcile";
import { resolveMissingAppStoreIds } from "./resolve-app-store-ids";
import { syncAppReviews, type AppToSync, type RunContext } from "./sync-app";

export interface ProjectSyncInput {
  projectId: string;
  runId?: string;
  trigger: SyncTrigger;
  steps: StepRunner;
}

interface Started extends RunContext {
  apps: AppToSync[];
  /** Set when the run cannot start (no enabled integration). */
  refusal: string | null;
  /** Apple apps without an App Store id: the run looks them up in App Store Connect first. */
  missingAppStoreIds: number;
}

async function start(input: ProjectSyncInput): Promise<Started> {
  const project = await db.project.findUnique({ where: { id: input.projectId }, select: { id: true, teamId: true } });
  if (!project) throw new Error(`Project ${input.projectId} does not exist.`);
  let runId = input.runId;
  if (runId) await markRunRunning(runId);
  else runId = (await createSyncRun({ kind: "app_store_connect_reviews_sync", scope: "project", trigger: input.trigger, teamId: project.teamId, projectId: project.id, status: "running" })).id;
  const run = await db.syncRun.findUniqueOrThrow({ where: { id: runId }, select: { startedAt: true } });
  const base = { runId, teamId: project.teamId, projectId: project.id, startedAt: (run.startedAt ?? new Date()).toISOString() };
  const integration = await db.integration.findFirst({ where: { projectId: project.id, teamId: project.teamId }, select: { enabled: true } });
  if (!integration?.enabled) {
    return { ...base, apps: [], refusal: integration ? "The App Store Connect integration is disabled." : "This project has no App Store Connect integration.", missingAppStoreIds: 0 };
  }
  const apps = await db.$queryRaw<{ appId: string; name: string; appStoreId: string; hadReviews: boolean }[]>`
    SELECT a.id::text AS "appId", a.name, a.apple_app_store_id::text AS "appStoreId",
      EXISTS (SELECT 1 FROM app_store_reviews r WHERE r.app_id = a.id) AS "hadReviews"
    FROM apps a
    WHERE a.project_id = ${project.id}::uuid AND a.team_id = ${project.teamId}::uuid AND a.platform = 'apple' AND a.apple_app_store_id IS NOT NULL
    ORDER BY a.created_at, a.id`;
  const missingAppStoreIds = await db.app.count({ where: { projectId: project.id, teamId: project.teamId, platform: "apple", appleAppStoreId: null } });
  return { ...base, apps, refusal: null, missingAppStoreIds };
}

export async function syncProjectReviews(input: ProjectSyncInput): Promise<JobResult> {
  const started = await input.steps.run("start", () => start(input));
  const counters = emptyCounters();
  let abortReason: string | null = started.refusal;
  let idsUnreadable: string | null = null;
  const apps = [...started.apps];
  if (!abortReason && started.missingAppStoreIds > 0) {
    const ids = await input.steps.run("resolve-app-store-ids", () => resolveMissingAppStoreIds(started));
    apps.push(...ids.resolved);
    counters.appStoreIdsFound = ids.resolved.length;
    counters.appsWithoutAppStoreId = ids.withoutId;
    if (ids.failure) {
      addCounters(counters, { errorsByStatus: { [ids.failure.status]: 1 } });
      if (ids.failure.abort) abortReason = ids.failure.message;
      else idsUnreadable = `App Store Connect's app list could not be read (${ids.failure.message}), so ${ids.withoutId.join(", ")} had no App Store id to sync with.`;
    }
  }
  counters.apps = apps.length;
  for (const app of abortReason ? [] : apps) {
    const abort = await syncAppReviews(input.steps, started, app, counters);
    if (abort) {
      abortReason = abort.message;
      break;
    }
  }
  counters.aborted = abortReason !== null;
  counters.abortReason = abortReason;
  const gaps = [
    counters.appsIncomplete > 0 ? `${counters.appsIncomplete} of ${counters.apps} apps could not be read completely; their reviews were kept as they were.` : null,
    idsUnreadable,
  ].filter((g): g is string => g !== null);
  const status: SyncStatus = abortReason ? "failed" : gaps.length > 0 ? "partial" : "succeeded";
  const error = abortReason ?? (gaps.length > 0 ? gaps.join(" ") : null);

  await input.steps.run("finish", async () => {
    await finishSyncRun(started.runId, { status, counters: counters as unknown as Record<string, unknown>, error });
    await db.integration.updateMany({
      where: { projectId: started.projectId, teamId: started.teamId },
      data: { lastSyncAt: new Date(), lastSyncStatus: status, lastSyncError: error },
    });
    await dropSeen(started.runId);
    return null;
  });
  return { runId: started.runId, status, counters: counters as unknown as Record<string, unknown>, error };
}

/** Projects the scheduled run covers: every project with an enabled App Store Connect integration. */
export async function projectsWithActiveIntegration(): Promise<{ projectId: string; teamId: string }[]> {
  return db.integration.findMany({ where: { enabled: true, provider: "app_store_connect" }, select: { projectId: true, teamId: true }, orderBy: { createdAt: "asc" } });
}



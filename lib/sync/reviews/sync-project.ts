import "server-only";
// app_store_connect_reviews_sync for one project: the handler Inngest, the in-process fallback and the job command run.
import { db } from "@/lib/db";
import type { JobResult } from "@/lib/sync/job";
import { createSyncRun, finishSyncRun, markRunRunning, type SyncStatus, type SyncTrigger } from "../runs";
import type { StepRunner } from "../steps";
import { addCounters, describeAppFailure, emptyCounters } from "./counters";
import { dropSeen } from "./reconcile";
import { resolveMissingAppStoreIds, type AppMissingAppStoreId } from "./resolve-app-store-ids";
import type { AppToSync, RunContext } from "./run-context";
import { syncAppReviews } from "./sync-app";

export interface ProjectSyncInput {
  projectId: string;
  runId?: string;
  trigger: SyncTrigger;
  steps: StepRunner;
}

interface Started extends RunContext {
  apps: AppToSync[];
  /** Apple apps without an App Store id: the run looks them up in App Store Connect first. */
  missingAppStoreIds: AppMissingAppStoreId[];
  /** Set when the run cannot start (no enabled integration). */
  refusal: string | null;
}

async function start(input: ProjectSyncInput): Promise<Started> {
  const project = await db.project.findUnique({ where: { id: input.projectId }, select: { id: true, teamId: true } });
  if (!project) throw new Error(`Project ${input.projectId} does not exist.`);
  let runId = input.runId;
  let startedAt: Date;
  if (runId) startedAt = await markRunRunning(runId);
  else {
    const run = await createSyncRun({ kind: "app_store_connect_reviews_sync", scope: "project", trigger: input.trigger, teamId: project.teamId, projectId: project.id, status: "running" });
    runId = run.id;
    startedAt = new Date(run.startedAt ?? run.createdAt);
  }
  const base = { runId, teamId: project.teamId, projectId: project.id, startedAt: startedAt.toISOString() };
  const integration = await db.integration.findFirst({ where: { projectId: project.id, teamId: project.teamId }, select: { enabled: true } });
  if (!integration?.enabled) {
    return { ...base, apps: [], missingAppStoreIds: [], refusal: integration ? "The App Store Connect integration is disabled." : "This project has no App Store Connect integration." };
  }
  const appleApps = await db.$queryRaw<{ appId: string; name: string; bundleId: string | null; appStoreId: string | null; hadReviews: boolean; announcePending: boolean }[]>`
    SELECT a.id::text AS "appId", a.name, a.bundle_id AS "bundleId", a.apple_app_store_id::text AS "appStoreId",
      EXISTS (SELECT 1 FROM app_store_reviews r WHERE r.app_id = a.id) AS "hadReviews",
      EXISTS (SELECT 1 FROM app_store_reviews r WHERE r.app_id = a.id AND r.announce_pending) AS "announcePending"
    FROM apps a
    WHERE a.project_id = ${project.id}::uuid AND a.team_id = ${project.teamId}::uuid AND a.platform = 'apple'
    ORDER BY a.created_at, a.id`;
  return {
    ...base,
    apps: appleApps.flatMap(({ appId, name, appStoreId, hadReviews, announcePending }) => (appStoreId ? [{ appId, name, appStoreId, hadReviews, announcePending }] : [])),
    missingAppStoreIds: appleApps.flatMap(({ appId, name, bundleId, appStoreId, hadReviews, announcePending }) =>
      appStoreId ? [] : [{ appId, name, bundleId, hadReviews, announcePending }],
    ),
    refusal: null,
  };
}

export async function syncProjectReviews(input: ProjectSyncInput): Promise<JobResult> {
  const started = await input.steps.run("start", () => start(input));
  const counters = emptyCounters();
  let abortReason: string | null = started.refusal;
  let idsUnreadable: string | null = null;
  const apps = [...started.apps];
  if (!abortReason && started.missingAppStoreIds.length > 0) {
    const ids = await input.steps.run("resolve-app-store-ids", () => resolveMissingAppStoreIds(started, started.missingAppStoreIds));
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
      abortReason = `Stopped at ${app.name}: ${abort.message}`;
      break;
    }
  }
  counters.aborted = abortReason !== null;
  counters.abortReason = abortReason;
  const failures = counters.appFailures;
  const gaps = [
    failures.length > 0
      ? `${failures.length} of ${counters.apps} ${counters.apps === 1 ? "app" : "apps"} could not be read completely; ${failures.length === 1 ? "its" : "their"} reviews were kept as they were. ${failures.map((f) => `${describeAppFailure(f)}.`).join(" ")}`
      : null,
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



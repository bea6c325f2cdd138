import "server-only";
// app_store_analytics_sync for one project: each Apple app with an App Store id, one step per app (its requests,
// reports, instances and coverage), then the run's record. Partial names the app and what Apple answered.
import { createAscStats } from "@/lib/apple/asc/client";
import { loadIntegration } from "@/lib/data/integrations/credentials";
import { db } from "@/lib/db";
import type { JobResult } from "../job";
import { createSyncRun, finishSyncRun, markRunRunning, updateRunProgress, type SyncStatus, type SyncTrigger } from "../runs";
import type { StepRunner } from "../steps";
import { analyticsClientFor } from "./client";
import { addCounters, emptyAnalyticsCounters, type AnalyticsCounters } from "./counters";
import type { AppTarget } from "./requests";
import { syncApp } from "./sync-app";

export interface AnalyticsSyncInput {
  projectId: string;
  runId?: string;
  trigger: SyncTrigger;
  steps: StepRunner;
  /** Defaults to the moment the run starts (tests pin it). */
  now?: string;
  /** Ask for a ONE_TIME_SNAPSHOT of the history (at most once a day per app until Apple shows it). Default true. */
  snapshot?: boolean;
}

interface Started {
  runId: string;
  teamId: string;
  projectId: string;
  refusal: string | null;
  now: string;
  apps: AppTarget[];
}

async function start(input: AnalyticsSyncInput): Promise<Started> {
  const project = await db.project.findUnique({ where: { id: input.projectId }, select: { id: true, teamId: true } });
  if (!project) throw new Error(`Project ${input.projectId} does not exist.`);
  let runId = input.runId;
  if (runId) await markRunRunning(runId);
  else runId = (await createSyncRun({ kind: "app_store_analytics_sync", scope: "project", trigger: input.trigger, teamId: project.teamId, projectId: project.id, status: "running" })).id;
  const now = input.now ?? new Date().toISOString();
  const base = { runId, teamId: project.teamId, projectId: project.id, now };
  const integration = await loadIntegration(project.id, project.teamId);
  if (!integration) return { ...base, refusal: "This project has no App Store Connect integration.", apps: [] };
  if (!integration.enabled) return { ...base, refusal: "The App Store Connect integration is disabled.", apps: [] };
  const rows = await db.app.findMany({ where: { projectId: project.id, platform: "apple", appleAppStoreId: { not: null } }, select: { id: true, name: true, appleAppStoreId: true }, orderBy: { id: "asc" } });
  const apps = rows.map((a) => ({ appId: a.id, appleId: String(a.appleAppStoreId), name: a.name, teamId: project.teamId, projectId: project.id }));
  if (apps.length === 0) return { ...base, refusal: "The project has no App Store app with an App Store id yet (a version sync finds it).", apps };
  await updateRunProgress(runId, { appsDone: 0, appsTotal: apps.length });
  return { ...base, refusal: null, apps };
}

async function appStep(input: AnalyticsSyncInput, started: Started, app: AppTarget, done: number): Promise<AnalyticsCounters> {
  const integration = await loadIntegration(started.projectId, started.teamId);
  if (!integration?.enabled) throw new Error("The App Store Connect integration changed during the run.");
  const stats = createAscStats();
  const counters = await syncApp(analyticsClientFor(integration.credentials, stats), app, new Date(started.now), input.snapshot ?? true);
  counters.requests += stats.requests;
  counters.retries += stats.retries;
  counters.rateLimitWaits += stats.rateLimitWaits;
  await updateRunProgress(started.runId, { appsDone: done + 1, appsTotal: started.apps.length, app: app.name });
  return counters;
}

export async function syncAnalytics(input: AnalyticsSyncInput): Promise<JobResult> {
  const started = await input.steps.run("start", () => start(input));
  const counters = emptyAnalyticsCounters();
  for (const [i, app] of started.apps.entries()) {
    addCounters(counters, await input.steps.run(`app-${app.appId}`, () => appStep(input, started, app, i)));
  }
  counters.apps = started.apps.length;

  return input.steps.run("finish", async () => {
    const done = counters.apps - counters.appsFailed;
    const status: SyncStatus = started.refusal || (counters.apps > 0 && done === 0) ? "failed" : counters.appsFailed > 0 || counters.instancesFailed > 0 ? "partial" : "succeeded";
    // Each failure's detail already names Apple's status and code (AscError's message) and the hint.
    const failures = counters.failures.map((f) => `${f.app}: ${f.detail}`);
    const failedInstances = counters.instancesFailed > 0 ? `${counters.instancesFailed} report ${counters.instancesFailed === 1 ? "file" : "files"} could not be read and ${counters.instancesFailed === 1 ? "is" : "are"} read again on the next run.` : null;
    const error = [started.refusal, ...failures, failedInstances].filter((s): s is string => Boolean(s)).join(" ") || null;
    const c = counters as unknown as Record<string, unknown>;
    await finishSyncRun(started.runId, { status, counters: c, error, progress: { appsDone: counters.apps, appsTotal: counters.apps } });
    return { runId: started.runId, status, counters: c, error } satisfies JobResult;
  });
}

/**
 * Projects the daily run covers: an enabled App Store Connect integration and at least one App Store app with its id
 * (a project without one would fail every day and say so every day).
 */
export async function projectsWithAnalytics(): Promise<{ teamId: string; projectId: string }[]> {
  return db.integration.findMany({
    where: { enabled: true, provider: "app_store_connect", project: { apps: { some: { platform: "apple", appleAppStoreId: { not: null } } } } },
    select: { teamId: true, projectId: true },
    orderBy: { createdAt: "asc" },
  });
}

import "server-only";
// What every Google Play run starts with: its sync_runs row (recorded when requested, or created here), the project's
// connection, and its Android apps. JSON-safe: this is the output of the "start" step.
import { db } from "@/lib/db";
import type { GoogleClientsConfig } from "@/lib/google/clients";
import { createSyncRun, markRunRunning, type SyncKind, type SyncTrigger } from "../runs";
import type { StepRunner } from "../steps";

export interface PlayJobInput {
  projectId: string;
  /** A run recorded when it was requested (queued); created here otherwise. */
  runId?: string;
  trigger: SyncTrigger;
  steps: StepRunner;
  /** Google endpoints and budgets; the configured ones (lib/google/config) when absent. */
  google?: GoogleClientsConfig;
}

export interface PlayApp {
  appId: string;
  name: string;
  packageName: string;
  /** The app had reviews before this run: new ones are news (a first sync is history). */
  hadReviews: boolean;
  /** Reviews an earlier run inserted are still waiting to be announced. */
  announcePending: boolean;
}

export interface PlayRun {
  runId: string;
  teamId: string;
  projectId: string;
  startedAt: string;
  apps: PlayApp[];
  appsWithoutPackage: string[];
  reportsBucket: string | null;
  /** Why the run cannot start (no enabled connection, no bucket for a reports job); null when it can. */
  refusal: string | null;
}

type Admission = { ok: true; reportsBucket: string | null } | { ok: false; refusal: string };

/** Whether the project's connection lets this job run; the bucket it reads when it may. */
function admit(connection: { enabled: boolean; reportsBucket: string | null } | null, needsBucket: boolean): Admission {
  if (!connection) return { ok: false, refusal: "This project has no Google Play connection." };
  if (!connection.enabled) return { ok: false, refusal: "The Google Play connection is disabled." };
  if (needsBucket && !connection.reportsBucket) {
    return { ok: false, refusal: "The Google Play connection has no reports bucket: add the bucket id from Play Console (Download reports → Copy Cloud Storage URI)." };
  }
  return { ok: true, reportsBucket: connection.reportsBucket };
}

export async function startPlayRun(kind: SyncKind, input: PlayJobInput, options: { needsBucket: boolean }): Promise<PlayRun> {
  const project = await db.project.findUnique({ where: { id: input.projectId }, select: { id: true, teamId: true } });
  if (!project) throw new Error(`Project ${input.projectId} does not exist.`);
  let runId = input.runId;
  let startedAt: Date;
  if (runId) startedAt = await markRunRunning(runId);
  else {
    const run = await createSyncRun({ kind, scope: "project", trigger: input.trigger, teamId: project.teamId, projectId: project.id, status: "running" });
    runId = run.id;
    startedAt = new Date(run.startedAt ?? run.createdAt);
  }
  const base = { runId, teamId: project.teamId, projectId: project.id, startedAt: startedAt.toISOString() };
  const connection = await db.googlePlayConnection.findFirst({ where: { projectId: project.id, teamId: project.teamId }, select: { enabled: true, reportsBucket: true } });
  const admission = admit(connection, options.needsBucket);
  if (!admission.ok) return { ...base, apps: [], appsWithoutPackage: [], reportsBucket: null, refusal: admission.refusal };
  const apps = await db.$queryRaw<{ appId: string; name: string; packageName: string | null; hadReviews: boolean; announcePending: boolean }[]>`
    SELECT a.id::text AS "appId", a.name, a.bundle_id AS "packageName",
      EXISTS (SELECT 1 FROM app_store_reviews r WHERE r.app_id = a.id) AS "hadReviews",
      EXISTS (SELECT 1 FROM app_store_reviews r WHERE r.app_id = a.id AND r.announce_pending) AS "announcePending"
    FROM apps a
    WHERE a.project_id = ${project.id}::uuid AND a.team_id = ${project.teamId}::uuid AND a.platform = 'android'
    ORDER BY a.created_at, a.id`;
  return {
    ...base,
    apps: apps.flatMap((a) => (a.packageName ? [{ ...a, packageName: a.packageName }] : [])),
    appsWithoutPackage: apps.filter((a) => !a.packageName).map((a) => a.name),
    reportsBucket: admission.reportsBucket,
    refusal: null,
  };
}

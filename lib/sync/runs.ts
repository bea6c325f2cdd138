import "server-only";
import { db } from "@/lib/db";
import { notifySyncFailed } from "@/lib/notifications/sync-failed";
import type { SyncKind, SyncScope, SyncStatus, SyncTrigger } from "@/lib/generated/prisma/enums";

export type { SyncKind, SyncScope, SyncStatus, SyncTrigger };

/** A run still "running" after this long is treated as abandoned (its process died) and no longer blocks. */
export const STALE_RUN_MINUTES = 120;

export interface SyncRunView {
  id: string;
  kind: SyncKind;
  trigger: SyncTrigger;
  status: SyncStatus;
  projectId: string | null;
  counters: Record<string, unknown>;
  progress: Record<string, unknown> | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

type Row = Awaited<ReturnType<typeof db.syncRun.findFirstOrThrow>>;

export function toSyncRunView(run: Row): SyncRunView {
  return {
    id: run.id,
    kind: run.kind,
    trigger: run.trigger,
    status: run.status,
    projectId: run.projectId,
    counters: (run.counters ?? {}) as Record<string, unknown>,
    progress: (run.progress ?? null) as Record<string, unknown> | null,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export async function createSyncRun(input: {
  kind: SyncKind;
  scope: SyncScope;
  trigger: SyncTrigger;
  teamId?: string | null;
  projectId?: string | null;
  appId?: string | null;
  status?: SyncStatus;
  /** Written with the row, so a run that starts running carries its first progress from the start. */
  progress?: Record<string, unknown>;
}) {
  const run = await db.syncRun.create({
    data: {
      kind: input.kind,
      scope: input.scope,
      trigger: input.trigger,
      teamId: input.teamId ?? null,
      projectId: input.projectId ?? null,
      appId: input.appId ?? null,
      status: input.status ?? "queued",
      startedAt: input.status === "running" ? new Date() : null,
      progress: input.progress as object | undefined,
    },
  });
  return toSyncRunView(run);
}

/** Returns the moment the run started. A progress given is written in the same UPDATE. */
export async function markRunRunning(runId: string, progress?: Record<string, unknown>): Promise<Date> {
  const startedAt = new Date();
  await db.syncRun.update({ where: { id: runId }, data: { status: "running", startedAt, progress: progress as object | undefined } });
  return startedAt;
}

export async function updateRunProgress(runId: string, progress: Record<string, unknown>, counters?: Record<string, unknown>) {
  await db.syncRun.update({
    where: { id: runId },
    data: { progress: progress as object, ...(counters ? { counters: counters as object } : {}) },
  });
}

/**
 * One storefront of a ratings run finished: counts it in the run's progress in one statement, so storefront steps
 * running side by side never overwrite each other's count.
 */
export async function recordStorefrontDone(runId: string, storefront: { storefrontsTotal: number; failed: boolean }) {
  await db.$executeRaw`
    UPDATE sync_runs SET progress = jsonb_build_object(
      'phase', 'storefronts',
      'storefrontsTotal', ${storefront.storefrontsTotal}::int,
      'storefrontsDone', LEAST(${storefront.storefrontsTotal}::int, COALESCE((progress->>'storefrontsDone')::int, 0) + 1),
      'storefrontsFailed', COALESCE((progress->>'storefrontsFailed')::int, 0) + ${storefront.failed ? 1 : 0}::int)
    WHERE id = ${runId}::uuid`;
}

/** Ends the run; a progress given is written in the same UPDATE, so the ended row never shows stale progress. */
export async function finishSyncRun(
  runId: string,
  result: { status: SyncStatus; counters: Record<string, unknown>; error?: string | null; progress?: Record<string, unknown> },
) {
  const run = await db.syncRun.update({
    where: { id: runId },
    data: {
      status: result.status,
      counters: result.counters as object,
      error: result.error ?? null,
      finishedAt: new Date(),
      progress: result.progress as object | undefined,
    },
  });
  if (run.status === "failed" || run.status === "partial") {
    console[run.status === "failed" ? "error" : "warn"](`starboard: ${run.kind} run ${run.id} ${run.status}: ${run.error ?? "no reason was recorded"}`);
  }
  // Every failed run (and a partial one Apple failed for some app) tells its team's admins once, idempotent per run;
  // a notification problem never fails the run.
  if (run.status === "failed" || run.status === "partial") {
    await notifySyncFailed(run).catch((error) => console.error(`starboard: sync.failed for run ${run.id} was not recorded`, error));
  }
  return toSyncRunView(run);
}

/**
 * Ends the runs that never finished — an Inngest function gave up after its retries, or an in-process handler
 * threw — as failed with the reason, keeping the counters they had. A run that already ended is left as it is.
 * Each ended run tells its team once, as finishSyncRun does.
 */
export async function failUnfinishedRuns(target: { runId: string } | { kind: SyncKind; scope: "system" }, error: string): Promise<number> {
  const open = { status: { in: ["queued", "running"] as SyncStatus[] } };
  const where = "runId" in target ? { id: target.runId, ...open } : { kind: target.kind, scope: target.scope, ...open };
  const ended = await db.syncRun.updateManyAndReturn({ where, data: { status: "failed", error, finishedAt: new Date() } });
  for (const run of ended) await notifySyncFailed(run).catch((e) => console.error(`starboard: sync.failed for run ${run.id} was not recorded`, e));
  return ended.length;
}

/** Kinds whose runs write the same rows: at most one run of any of them per project at a time. */
const EXCLUSIVE_KINDS: readonly (readonly SyncKind[])[] = [["app_store_sales_backfill", "app_store_sales_sync"]];

/** The kinds a run of `kind` excludes, itself included (in a fixed order, for taking their locks). */
export function exclusiveKinds(kind: SyncKind): SyncKind[] {
  return [...(EXCLUSIVE_KINDS.find((group) => group.includes(kind)) ?? [kind])].sort();
}

/**
 * Records a queued project run unless one of this kind — or of a kind writing the same rows — is already going (at
 * most one per project at a time); concurrent requests for the same project and job are serialised by advisory locks.
 */
export async function queueProjectRun(
  kind: SyncKind,
  target: { teamId: string; projectId: string },
  trigger: SyncTrigger,
): Promise<{ run: SyncRunView; alreadyRunning: boolean }> {
  const kinds = exclusiveKinds(kind);
  return db.$transaction(async (tx) => {
    for (const k of kinds) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${k}:${target.projectId}`}))`;
    const active = await findActiveRun(kinds, target.projectId, tx);
    if (active) return { run: active, alreadyRunning: true };
    const created = await tx.syncRun.create({
      data: { kind, scope: "project", trigger, teamId: target.teamId, projectId: target.projectId, status: "queued" },
    });
    return { run: toSyncRunView(created), alreadyRunning: false };
  });
}

/** The queued or running run of this kind (or of any of these kinds) for the project, if any. */
export async function findActiveRun(kind: SyncKind | readonly SyncKind[], projectId: string, client: Pick<typeof db, "syncRun"> = db) {
  const run = await client.syncRun.findFirst({
    where: {
      kind: typeof kind === "string" ? kind : { in: [...kind] },
      projectId,
      status: { in: ["queued", "running"] },
      createdAt: { gt: new Date(Date.now() - STALE_RUN_MINUTES * 60_000) },
    },
    orderBy: { createdAt: "desc" },
  });
  return run ? toSyncRunView(run) : null;
}

/** The project's newest run of this kind (or of any of these kinds), optionally only among runs that ended so. */
export async function latestRun(kind: SyncKind | readonly SyncKind[], projectId: string, statuses?: readonly SyncStatus[]) {
  const run = await db.syncRun.findFirst({
    where: { kind: typeof kind === "string" ? kind : { in: [...kind] }, projectId, ...(statuses ? { status: { in: [...statuses] } } : {}) },
    orderBy: { createdAt: "desc" },
  });
  return run ? toSyncRunView(run) : null;
}

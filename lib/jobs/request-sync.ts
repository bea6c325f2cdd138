import "server-only";
import { inngest, inngestConfigured } from "@/inngest/client";
import { EVENTS } from "@/inngest/events";
import { failUnfinishedRuns, queueProjectRun, type SyncKind, type SyncRunView, type SyncTrigger } from "@/lib/sync/runs";
import { inlineSteps } from "@/lib/sync/steps";
import { Prisma } from "@/lib/db";
import { RateLimitedError } from "@/lib/errors";
import { jobHandler } from "./registry";

const EVENT_FOR_KIND: Record<SyncKind, string> = {
  app_store_ratings_sync: EVENTS.ratingsSyncRequested,
  app_store_connect_reviews_sync: EVENTS.reviewsSyncRequested,
  app_version_sync: EVENTS.versionSyncRequested,
};

/**
 * Requests a project-scoped run: returns the run already going when there is one (at most one per project),
 * otherwise records a queued run and hands it to Inngest — or, with no Inngest server, runs the same
 * handler in this process in the background.
 */
export async function requestProjectSync(
  kind: SyncKind,
  target: { teamId: string; projectId: string },
  trigger: SyncTrigger,
): Promise<{ run: SyncRunView; alreadyRunning: boolean }> {
  // Requests for the same project and kind that arrive while one is being started wait for that one. Each start
  // is a transaction that holds a pool connection while it waits for the project's advisory lock: a burst of 120
  // requests used to hold all 10 connections and leave the rest to time out (500).
  const key = `${kind}:${target.projectId}`;
  const pending = starting.get(key);
  if (pending) return { run: (await pending).run, alreadyRunning: true };
  const start = startProjectRun(kind, target, trigger);
  starting.set(key, start);
  try {
    return await start;
  } finally {
    starting.delete(key);
  }
}

const starting = new Map<string, Promise<{ run: SyncRunView; alreadyRunning: boolean }>>();

async function startProjectRun(kind: SyncKind, target: { teamId: string; projectId: string }, trigger: SyncTrigger) {
  let queued: { run: SyncRunView; alreadyRunning: boolean };
  try {
    queued = await queueProjectRun(kind, target, trigger);
  } catch (error) {
    // Every pool connection stayed busy (other projects' starts, running syncs): a moment later it will not be.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2028") {
      throw new RateLimitedError("Starboard is busy starting other syncs right now. Try again in a few seconds.", BUSY_RETRY_SECONDS);
    }
    throw error;
  }
  if (queued.alreadyRunning) return queued;
  await dispatchRun(kind, { runId: queued.run.id, projectId: target.projectId }, trigger);
  return queued;
}

const BUSY_RETRY_SECONDS = 5;

/**
 * Hands a recorded run to Inngest (its kind's event, carrying the run, project and, for one app, the app) or —
 * with no Inngest server, or when it does not accept the event — runs the same handler in this process in
 * the background, with what the Inngest function would pass it: one app, else the project.
 */
export async function dispatchRun(kind: SyncKind, run: { runId: string; projectId: string; appId?: string }, trigger: SyncTrigger): Promise<void> {
  if (inngestConfigured()) {
    try {
      await inngest.send({ name: EVENT_FOR_KIND[kind], data: { ...(run.appId ? { appId: run.appId } : {}), projectId: run.projectId, runId: run.runId } });
      return;
    } catch (error) {
      console.warn(`starboard: Inngest did not accept ${kind} (${(error as Error).message}); running it in-process`);
    }
  }
  runInBackground(kind, { ...(run.appId ? { appId: run.appId } : { projectId: run.projectId }), runId: run.runId, trigger });
}

const inFlight = new Set<Promise<unknown>>();

/** Runs a job handler in this process without waiting (no Inngest server); failures end the run as failed. */
function runInBackground(kind: SyncKind, options: { projectId?: string; appId?: string; runId: string; trigger: SyncTrigger }) {
  const task = (async () => {
    try {
      const handler = await jobHandler(kind);
      await handler({ ...options, steps: inlineSteps });
    } catch (error) {
      console.error(`starboard: ${kind} run ${options.runId} failed`, error);
      await failUnfinishedRuns({ runId: options.runId }, (error as Error).message).catch(() => {});
    }
  })();
  inFlight.add(task);
  void task.finally(() => inFlight.delete(task));
}

/** Tests and the job command wait for background runs to settle. */
export async function settleBackgroundRuns() {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}


import "server-only";
import { queueProjectRun, type SyncKind, type SyncRunView, type SyncTrigger } from "@/lib/sync/runs";
import { Prisma } from "@/lib/db";
import { RateLimitedError } from "@/lib/errors";
import { dispatch } from "./dispatch";
import { SYNC_JOBS } from "./registry";

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
  await dispatchRun(kind, { runId: queued.run.id, projectId: target.projectId });
  return queued;
}

const BUSY_RETRY_SECONDS = 5;

/**
 * Hands a recorded run to the dispatcher: its kind's event, carrying the run, the project and, for one app, the app
 * (Inngest, or this process in the background).
 */
export async function dispatchRun(kind: SyncKind, run: { runId: string; projectId: string; appId?: string }): Promise<void> {
  await dispatch(SYNC_JOBS[kind].work, { ...(run.appId ? { appId: run.appId } : {}), projectId: run.projectId, runId: run.runId });
}

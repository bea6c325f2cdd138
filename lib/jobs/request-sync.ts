import "server-only";
import { inngest, inngestConfigured } from "@/inngest/client";
import { EVENTS } from "@/inngest/events";
import { failUnfinishedRuns, queueProjectRun, type SyncKind, type SyncRunView, type SyncTrigger } from "@/lib/sync/runs";
import { inlineSteps } from "@/lib/sync/steps";
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
  const { run, alreadyRunning } = await queueProjectRun(kind, target, trigger);
  if (alreadyRunning) return { run, alreadyRunning };

  if (inngestConfigured()) {
    try {
      await inngest.send({ name: EVENT_FOR_KIND[kind], data: { projectId: target.projectId, runId: run.id } });
      return { run, alreadyRunning: false };
    } catch (error) {
      console.warn(`starboard: Inngest did not accept ${kind} (${(error as Error).message}); running it in-process`);
    }
  }
  runInBackground(kind, { projectId: target.projectId, runId: run.id, trigger });
  return { run, alreadyRunning: false };
}

const inFlight = new Set<Promise<unknown>>();

/** Runs a job handler in this process without waiting (no Inngest server); failures end the run as failed. */
export function runInBackground(kind: SyncKind, options: { projectId?: string; appId?: string; runId: string; trigger: SyncTrigger }) {
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


import "server-only";
import type { ItunesClientOptions } from "@/lib/apple/itunes";
import { STOREFRONT_CODES } from "@/lib/apple/storefronts";
import { db } from "@/lib/db";
import type { JobOptions, JobResult } from "@/lib/jobs/registry";
import { createSyncRun, finishSyncRun, markRunRunning } from "@/lib/sync/runs";
import { lookupAppVersions } from "@/lib/sync/versions/lookup-app-versions";
import { appleAppTargets } from "@/lib/sync/versions/targets";
import { writeAppStoreLookup } from "@/lib/sync/versions/write-app-versions";
import { notifyRatingChanges } from "./notify-rating-changes";
import { snapshotStorefront, type StorefrontOutcome } from "./snapshot-storefront";
import { sumOutcomes, type RatingsSyncCounters } from "./counters";
import { rollupWorldwideRatings, shouldNotifyRatingChange } from "./worldwide-rollup";

export interface RatingsSyncOptions extends JobOptions {
  itunes?: ItunesClientOptions;
  /** The snapshot day (YYYY-MM-DD, UTC); defaults to today. Tests move it to simulate the next day. */
  snapshotDate?: string;
  /** Storefront steps running at once; the shared pacer still decides the pace of calls. Default 4. */
  parallelStorefronts?: number;
  /** Default: all 175. */
  storefronts?: readonly string[];
}

/**
 * app_store_ratings_sync: one snapshot row per (app, storefront) for today, fanned out per storefront
 * (each call carries a chunk of apps), then the worldwide rollup per app and rating-change notifications.
 * Scoped to one project (manual) or every Apple app (scheduled). Every stage is a named step.
 */
export async function syncRatings(options: RatingsSyncOptions): Promise<JobResult> {
  const { steps } = options;
  const storefronts = [...(options.storefronts ?? STOREFRONT_CODES)];

  const start = await steps.run("start", async () => {
    const { targets, skipped } = await appleAppTargets({ projectId: options.projectId, appId: options.appId });
    const starting = { phase: "starting", storefrontsDone: 0, storefrontsTotal: storefronts.length };
    let runId = options.runId ?? null;
    if (runId) await markRunRunning(runId, starting);
    else {
      const project = options.projectId ? await db.project.findUnique({ where: { id: options.projectId }, select: { teamId: true } }) : null;
      const run = await createSyncRun({
        kind: "app_store_ratings_sync",
        scope: options.projectId ? "project" : "system",
        trigger: options.trigger,
        status: "running",
        teamId: project?.teamId ?? null,
        projectId: options.projectId ?? null,
        progress: starting,
      });
      runId = run.id;
    }
    return { runId, snapshotDate: options.snapshotDate ?? new Date().toISOString().slice(0, 10), targets, skipped };
  });

  // Apps added before any version sync have no trackId yet: resolve them first so every call uses id=.
  const unresolved = start.targets.filter((t) => t.trackId === null);
  const resolved =
    unresolved.length === 0
      ? { ids: [] as { appId: string; trackId: number }[], requests: 0, throttled: 0, retries: 0 }
      : await steps.run("resolve-app-store-ids", async () => {
          const lookup = await lookupAppVersions(unresolved, options.itunes);
          await writeAppStoreLookup(lookup);
          return { ids: lookup.updates.map((u) => ({ appId: u.appId, trackId: u.trackId })), requests: lookup.requests, throttled: lookup.throttled, retries: lookup.retries };
        });
  const trackIds = new Map(resolved.ids.map((r) => [r.appId, r.trackId]));
  const apps = start.targets.flatMap((t) => {
    const trackId = t.trackId ?? trackIds.get(t.id);
    return trackId ? [{ appId: t.id, trackId }] : [];
  });

  const outcomes: StorefrontOutcome[] = [];
  if (apps.length > 0) {
    const parallel = Math.max(1, options.parallelStorefronts ?? 4);
    for (let i = 0; i < storefronts.length; i += parallel) {
      const batch = storefronts.slice(i, i + parallel);
      outcomes.push(
        ...(await Promise.all(
          batch.map((storefront) =>
            steps.run(`storefront-${storefront}`, () =>
              snapshotStorefront({ runId: start.runId, storefront, snapshotDate: start.snapshotDate, apps, storefrontsTotal: storefronts.length, itunes: options.itunes }),
            ),
          ),
        )),
      );
    }
  }

  // An app is refreshed when at least one storefront answered for it.
  const failedEverywhere = new Set(
    apps.filter((a) => outcomes.length > 0 && outcomes.every((o) => o.failedAppIds.includes(a.appId))).map((a) => a.appId),
  );
  const refreshed = apps.filter((a) => !failedEverywhere.has(a.appId)).map((a) => a.appId);
  const changes = await steps.run("rollup", () => rollupWorldwideRatings(refreshed, start.snapshotDate));
  const toNotify = changes.filter(shouldNotifyRatingChange);
  const notifications = toNotify.length === 0 ? 0 : await steps.run("notify", () => notifyRatingChanges(toNotify, start.runId));

  const counters: RatingsSyncCounters = {
    ...sumOutcomes(outcomes),
    apps: apps.length,
    appsSkipped: start.skipped + (start.targets.length - apps.length),
    appsRefreshed: refreshed.length,
    storefronts: storefronts.length,
    notifications,
  };
  counters.itunesRequests += resolved.requests;
  counters.throttleHits += resolved.throttled;
  counters.retries += resolved.retries;
  const failed = outcomes.filter((o) => !o.ok);
  const status = apps.length > 0 && failed.length === outcomes.length ? "failed" : failed.length > 0 ? "partial" : "succeeded";
  const error =
    failed.length === 0
      ? null
      : `iTunes Lookup did not answer for ${failed.length} of ${storefronts.length} storefronts after retries (${failed
          .slice(0, 8)
          .map((o) => o.storefront.toUpperCase())
          .join(", ")}${failed.length > 8 ? ", …" : ""}); nothing was recorded there today.`;
  const done = { phase: "done", storefrontsDone: outcomes.length, storefrontsTotal: storefronts.length, storefrontsFailed: failed.length, snapshotDate: start.snapshotDate };
  await steps.run("finish", () => finishSyncRun(start.runId, { status, counters: { ...counters }, error, progress: done }).then(() => null));
  return { runId: start.runId, status, counters: { ...counters }, error };
}

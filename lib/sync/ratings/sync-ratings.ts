import "server-only";
import { ItunesReachability } from "@/lib/apple/itunes";
import type { ItunesOverrides } from "@/lib/sync/itunes-client";
import { STOREFRONT_CODES } from "@/lib/apple/storefronts";
import { db } from "@/lib/db";
import type { JobOptions, JobResult } from "@/lib/sync/job";
import { createSyncRun, finishSyncRun, markRunRunning } from "@/lib/sync/runs";
import { storefrontList } from "@/lib/apple/storefronts";
import { appleAppTargets } from "@/lib/sync/apple-app-targets";
import { resolveAppStoreIds, type AppStoreLookupStatus, type ResolvedAppStoreIds } from "@/lib/sync/versions";
import { notifyRatingChanges } from "./notify-rating-changes";
import { snapshotStorefront, type StorefrontOutcome } from "./snapshot-storefront";
import { sumOutcomes, type RatingsSyncCounters } from "./counters";
import { rollupWorldwideRatings, shouldNotifyRatingChange } from "./worldwide-rollup";

export interface RatingsSyncOptions extends JobOptions {
  itunes?: ItunesOverrides;
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
  const scope = options.projectId ? "project" : "system";

  const start = await steps.run("start", async () => {
    const { targets, skipped } = await appleAppTargets({ projectId: options.projectId, appId: options.appId });
    const starting = { phase: "starting", storefrontsDone: 0, storefrontsTotal: storefronts.length };
    let runId = options.runId ?? null;
    if (runId) await markRunRunning(runId, starting);
    else {
      const project = options.projectId ? await db.project.findUnique({ where: { id: options.projectId }, select: { teamId: true } }) : null;
      const run = await createSyncRun({
        kind: "app_store_ratings_sync",
        scope,
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
  const resolved: ResolvedAppStoreIds =
    unresolved.length === 0
      ? { ids: [], lookups: [], unreachable: null, requests: 0, throttled: 0, retries: 0 }
      : await steps.run("resolve-app-store-ids", () => resolveAppStoreIds(unresolved, options.itunes));
  const trackIds = new Map(resolved.ids.map((r) => [r.appId, r.trackId]));
  const apps = start.targets.flatMap((t) => {
    const trackId = t.trackId ?? trackIds.get(t.id);
    return trackId ? [{ appId: t.id, trackId }] : [];
  });
  const lookupOf = new Map(resolved.lookups.map((l) => [l.appId, l.status]));
  const withoutId = start.targets
    .filter((t) => !t.trackId && !trackIds.has(t.id))
    .map((t) => ({ name: t.name, lookup: lookupOf.get(t.id) ?? "not_found" }))
    .sort((a, b) => a.name.localeCompare(b.name));

  // Storefronts in batches; once several in a row got no HTTP answer at all, Apple is unreachable: stop asking.
  const outcomes: StorefrontOutcome[] = [];
  const reachability = new ItunesReachability();
  if (apps.length > 0 && !resolved.unreachable) {
    const parallel = Math.max(1, options.parallelStorefronts ?? 4);
    for (let i = 0; i < storefronts.length && !reachability.unreachable; i += parallel) {
      const batch = storefronts.slice(i, i + parallel);
      const done = await Promise.all(
        batch.map((storefront) =>
          steps.run(`storefront-${storefront}`, () =>
            snapshotStorefront({ runId: start.runId, storefront, snapshotDate: start.snapshotDate, apps, storefrontsTotal: storefronts.length, itunes: options.itunes }),
          ),
        ),
      );
      outcomes.push(...done);
      for (const o of done) reachability.record(o.ok ? { answered: true } : { answered: false, networkDetail: o.networkError });
    }
  }
  const unreachable = resolved.unreachable ?? reachability.reason;
  const storefrontsNotAttempted = unreachable && apps.length > 0 ? storefronts.length - outcomes.length : 0;

  // An app is refreshed when at least one storefront answered for it.
  const refreshed = apps.filter((a) => outcomes.some((o) => !o.failedAppIds.includes(a.appId))).map((a) => a.appId);
  const changes = await steps.run("rollup", () => rollupWorldwideRatings(refreshed, start.snapshotDate));
  const toNotify = changes.filter(shouldNotifyRatingChange);
  const notifications = toNotify.length === 0 ? 0 : await steps.run("notify", () => notifyRatingChanges(toNotify, start.runId));

  const counters: RatingsSyncCounters = {
    ...sumOutcomes(outcomes),
    apps: apps.length,
    appsSkipped: start.skipped,
    appsWithoutAppStoreId: withoutId.map((a) => a.name),
    appsRefreshed: refreshed.length,
    storefronts: storefronts.length,
    storefrontsNotAttempted,
    notifications,
  };
  counters.itunesRequests += resolved.requests;
  counters.throttleHits += resolved.throttled;
  counters.retries += resolved.retries;
  const failed = outcomes.filter((o) => !o.ok);
  const reasons = [
    unreachable
      ? `${unreachable}.${storefrontsNotAttempted > 0 ? ` Gave up after ${outcomes.length} storefronts; ${storefrontsNotAttempted} were not attempted and nothing was recorded there today.` : ""}`
      : failed.length > 0
        ? `iTunes Lookup did not answer for ${failed.length} of ${storefronts.length} storefronts after retries (${storefrontList(failed.map((o) => o.storefront))}); nothing was recorded there today.`
        : null,
    // The nightly run spans every team: app names stay out of what every project is shown.
    scope === "system" ? null : withoutAppStoreId(withoutId),
  ].filter((r): r is string => r !== null);
  const nothingSynced = start.targets.length > 0 && (apps.length === 0 || refreshed.length === 0);
  const status = nothingSynced ? "failed" : reasons.length > 0 ? "partial" : "succeeded";
  const error = reasons.length > 0 ? reasons.join(" ") : nothingSynced ? "No app could be synced: none has an App Store id yet." : null;
  const progress = { phase: "done", storefrontsDone: outcomes.length, storefrontsTotal: storefronts.length, storefrontsFailed: failed.length, snapshotDate: start.snapshotDate };
  await steps.run("finish", () => finishSyncRun(start.runId, { status, counters: { ...counters }, error, progress }).then(() => null));
  return { runId: start.runId, status, counters: { ...counters }, error };
}

/** "1 app has no App Store id yet: Alpha — not found on the App Store by its bundle id; enter its App Store id." */
function withoutAppStoreId(apps: readonly { name: string; lookup: AppStoreLookupStatus }[]): string | null {
  const sentence = (group: typeof apps, why: string) =>
    group.length === 0 ? null : `${group.length} ${group.length === 1 ? "app has" : "apps have"} no App Store id yet: ${group.map((a) => a.name).join(", ")} — ${why}`;
  const notFound = apps.filter((a) => a.lookup !== "unreachable");
  const unknown = apps.filter((a) => a.lookup === "unreachable");
  const parts = [
    sentence(notFound, `not found on the App Store by ${notFound.length === 1 ? "its bundle id; enter its" : "their bundle ids; enter their"} App Store id.`),
    sentence(unknown, `Apple could not be reached to look ${unknown.length === 1 ? "it" : "them"} up.`),
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(" ") : null;
}

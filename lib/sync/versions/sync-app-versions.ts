import "server-only";
import type { ItunesOverrides } from "@/lib/sync/itunes-client";
import { db } from "@/lib/db";
import type { JobOptions, JobResult } from "@/lib/sync/job";
import { createSyncRun, finishSyncRun, markRunRunning } from "@/lib/sync/runs";
import { storefrontList } from "@/lib/apple/storefronts";
import { lookupAppVersions } from "./lookup-app-versions";
import { appleAppTargets } from "@/lib/sync/apple-app-targets";
import { writeAppStoreLookup } from "./write-app-versions";

export interface AppVersionSyncOptions extends JobOptions {
  /** Tests and the benchmark tune retries/backoff; production uses the client's defaults. */
  itunes?: ItunesOverrides;
}

export interface AppVersionSyncCounters {
  apps: number;
  skipped: number;
  found: number;
  /** Asked in every storefront it was to be asked in, sold in none. */
  notFound: number;
  /** Neither found nor known to be absent: some storefronts did not answer. */
  incomplete: number;
  foundOutsideUs: number;
  updated: number;
  itunesRequests: number;
  throttleHits: number;
  retries: number;
  errors: number;
  /** Storefronts left out once iTunes Lookup proved unreachable. */
  storefrontsNotAttempted: number;
}

/**
 * app_version_sync: App Store id and latest version for every Apple app with a bundle id in scope, from
 * batched bundle-id lookups (US first, the biggest markets, then every storefront), and each app's outcome.
 */
export async function syncAppVersions(options: AppVersionSyncOptions): Promise<JobResult> {
  const { steps } = options;
  const start = await steps.run("start", async () => {
    const scope = options.appId ? "app" : options.projectId ? "project" : "system";
    const { targets, skipped } = await appleAppTargets({ projectId: options.projectId, appId: options.appId });
    let runId = options.runId ?? null;
    if (runId) await markRunRunning(runId);
    else {
      const owner = targets.length > 0 && scope !== "system" ? await ownerOf(options) : null;
      const run = await createSyncRun({ kind: "app_version_sync", scope, trigger: options.trigger, status: "running", ...owner });
      runId = run.id;
    }
    return { runId, targets: targets.map((t) => ({ id: t.id, bundleId: t.bundleId, searchEverywhere: t.searchEverywhere })), skipped };
  });

  const lookup = await steps.run("lookup-bundle-ids", () => lookupAppVersions(start.targets, options.itunes));

  const updated = await steps.run("write-versions", () => writeAppStoreLookup(lookup));

  const counters: AppVersionSyncCounters = {
    apps: start.targets.length,
    skipped: start.skipped,
    found: lookup.updates.length,
    notFound: lookup.notFound.length,
    incomplete: lookup.outcomes.filter((o) => o.status === "unreachable").length,
    foundOutsideUs: lookup.updates.filter((u) => u.storefront !== "us").length,
    updated,
    itunesRequests: lookup.requests,
    throttleHits: lookup.throttled,
    retries: lookup.retries,
    errors: lookup.failedStorefronts.length,
    storefrontsNotAttempted: lookup.storefrontsNotAttempted,
  };
  // The US call failing means most apps were never asked about: that run did not do its job.
  const usFailed = lookup.failedStorefronts.includes("us");
  const status = (usFailed || lookup.unreachable) && lookup.updates.length === 0 && start.targets.length > 0 ? "failed" : lookup.failedStorefronts.length > 0 ? "partial" : "succeeded";
  const notAsked = lookup.storefrontsNotAttempted > 0 ? `; ${lookup.storefrontsNotAttempted} were not asked` : "";
  const error = lookup.unreachable
    ? `${lookup.unreachable}. Gave up after ${lookup.failedStorefronts.length} storefronts${notAsked}.`
    : lookup.failedStorefronts.length > 0
      ? `iTunes Lookup failed for ${storefrontList(lookup.failedStorefronts)} after retries${notAsked}.`
      : null;
  await steps.run("finish", () => finishSyncRun(start.runId, { status, counters: { ...counters }, error }).then(() => null));
  return { runId: start.runId, status, counters: { ...counters }, error };
}

async function ownerOf(options: { projectId?: string; appId?: string }) {
  if (options.appId) {
    const app = await db.app.findUnique({ where: { id: options.appId }, select: { teamId: true, projectId: true, id: true } });
    return app ? { teamId: app.teamId, projectId: app.projectId, appId: app.id } : null;
  }
  const project = await db.project.findUnique({ where: { id: options.projectId! }, select: { teamId: true, id: true } });
  return project ? { teamId: project.teamId, projectId: project.id } : null;
}

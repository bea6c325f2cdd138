import "server-only";
import { createItunesClient, createItunesStats, type ItunesClientOptions, type ItunesStats } from "@/lib/apple/itunes";
import { findAppsByBundleId } from "./find-apps-by-bundle-id";
import type { AppVersionUpdate } from "./write-app-versions";

export interface AppVersionLookup extends ItunesStats {
  /** One per app found, ready for writeAppVersions. */
  updates: AppVersionUpdate[];
  notFound: string[];
  failedStorefronts: string[];
}

/**
 * The bundle-id look-up the version sync and the ratings sync (for apps without an App Store id yet) share:
 * batched iTunes calls, each found app paired with its row, and the calls it took. Writing is left to the
 * caller, so the version sync can keep it in a step of its own.
 */
export async function lookupAppVersions(targets: readonly { id: string; bundleId: string }[], itunes?: ItunesClientOptions): Promise<AppVersionLookup> {
  const stats = createItunesStats();
  const search = await findAppsByBundleId(createItunesClient({ ...itunes, stats }), targets.map((t) => t.bundleId));
  const updates = targets.flatMap((t) => {
    const f = search.found.get(t.bundleId);
    return f ? [{ ...f, appId: t.id }] : [];
  });
  return { updates, notFound: search.notFound, failedStorefronts: search.failedStorefronts, ...stats };
}

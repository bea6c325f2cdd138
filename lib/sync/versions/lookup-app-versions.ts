import "server-only";
import { createItunesStats, type ItunesStats } from "@/lib/apple/itunes";
import { itunesClientFor, type ItunesOverrides } from "@/lib/sync/itunes-client";
import { storefrontList } from "@/lib/apple/storefronts";
import { findAppsByBundleId } from "./find-apps-by-bundle-id";
import type { AppStoreLookupOutcome, AppVersionUpdate } from "./write-app-versions";

export interface AppVersionLookup extends ItunesStats {
  /** One per app found, ready for writeAppStoreLookup. */
  updates: AppVersionUpdate[];
  /** One per app: found, not found anywhere it was asked about, or not knowable because Apple did not answer. */
  outcomes: AppStoreLookupOutcome[];
  notFound: string[];
  failedStorefronts: string[];
  /** "iTunes Lookup unreachable: …" when the search stopped because Apple could not be reached. */
  unreachable: string | null;
  storefrontsNotAttempted: number;
}

export interface LookupTarget {
  id: string;
  bundleId: string;
  /** Ask every storefront when the big markets do not sell it (false: it was searched everywhere lately). */
  searchEverywhere: boolean;
}

/**
 * The bundle-id look-up the version sync and the ratings sync (for apps without an App Store id yet) share:
 * batched iTunes calls, each found app paired with its row, each app's outcome, and the calls it took.
 * Writing is left to the caller, so the version sync can keep it in a step of its own.
 */
export async function lookupAppVersions(targets: readonly LookupTarget[], itunes?: ItunesOverrides): Promise<AppVersionLookup> {
  const stats = createItunesStats();
  const search = await findAppsByBundleId(
    itunesClientFor({ ...itunes, stats }),
    targets.map((t) => t.bundleId),
    { searchEverywhere: new Set(targets.filter((t) => t.searchEverywhere).map((t) => t.bundleId)) },
  );
  const updates = targets.flatMap((t) => {
    const f = search.found.get(t.bundleId);
    return f ? [{ ...f, appId: t.id }] : [];
  });
  const why = search.unreachable ?? (search.failedStorefronts.length > 0 ? `iTunes Lookup did not answer for ${storefrontList(search.failedStorefronts)}` : null);
  const outcomes = targets.map((t): AppStoreLookupOutcome => {
    const base = { appId: t.id, searchedEverywhere: t.searchEverywhere };
    if (search.found.has(t.bundleId)) return { ...base, status: "found", error: null };
    if (search.incomplete.includes(t.bundleId)) return { ...base, status: "unreachable", error: why };
    return { ...base, status: "not_found", error: null };
  });
  return {
    updates,
    outcomes,
    notFound: search.notFound,
    failedStorefronts: search.failedStorefronts,
    unreachable: search.unreachable,
    storefrontsNotAttempted: search.storefrontsNotAttempted,
    ...stats,
  };
}

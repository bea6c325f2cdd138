import "server-only";
// The versions module's one entry point for other syncs: the ratings sync resolves the App Store ids of apps that
// no version sync has found yet through it. How the look-up searches and what it writes stay inside this folder.
import type { ItunesOverrides } from "@/lib/sync/itunes-client";
import { lookupAppVersions, type LookupTarget } from "./lookup-app-versions";
import { writeAppStoreLookup, type AppStoreLookupOutcome } from "./write-app-versions";

export type AppStoreLookupStatus = AppStoreLookupOutcome["status"];

/** A step's JSON-safe output: each found app's trackId, each app's look-up outcome, and the calls it took. */
export interface ResolvedAppStoreIds {
  ids: { appId: string; trackId: number }[];
  lookups: { appId: string; status: AppStoreLookupStatus }[];
  /** "iTunes Lookup unreachable: …" when the search stopped because Apple could not be reached. */
  unreachable: string | null;
  requests: number;
  throttled: number;
  retries: number;
}

/** Looks the apps up by bundle id (as the version sync does), records each app's outcome, and returns the ids found. */
export async function resolveAppStoreIds(targets: readonly LookupTarget[], itunes?: ItunesOverrides): Promise<ResolvedAppStoreIds> {
  const lookup = await lookupAppVersions(targets, itunes);
  await writeAppStoreLookup(lookup);
  return {
    ids: lookup.updates.map((u) => ({ appId: u.appId, trackId: u.trackId })),
    lookups: lookup.outcomes.map((o) => ({ appId: o.appId, status: o.status })),
    unreachable: lookup.unreachable,
    requests: lookup.requests,
    throttled: lookup.throttled,
    retries: lookup.retries,
  };
}

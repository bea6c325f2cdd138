import type { StorefrontOutcome } from "./snapshot-storefront";

/** What a ratings run reports in sync_runs.counters and prints from the job command. */
export interface RatingsSyncCounters {
  /** Apple apps with an App Store id: the ones the storefronts were asked about. */
  apps: number;
  /** Not Apple apps, or without a bundle id. */
  appsSkipped: number;
  /** Apple apps with a bundle id that still have no App Store id (not found, or Apple unreachable): not synced. */
  appsWithoutAppStoreId: string[];
  appsRefreshed: number;
  storefronts: number;
  /** Storefronts left out once iTunes Lookup proved unreachable. */
  storefrontsNotAttempted: number;
  storefrontsFetched: number;
  storefrontsFailed: number;
  rowsUpserted: number;
  tombstones: number;
  /** Values Apple sent that could not be read (e.g. "averageUserRating": "N/A"): the previous figures were kept. */
  malformedFields: number;
  errors: number;
  itunesRequests: number;
  throttleHits: number;
  retries: number;
  notifications: number;
}

export function sumOutcomes(outcomes: readonly StorefrontOutcome[]) {
  let storefrontsFetched = 0,
    storefrontsFailed = 0,
    rowsUpserted = 0,
    tombstones = 0,
    malformedFields = 0,
    errors = 0,
    itunesRequests = 0,
    throttleHits = 0,
    retries = 0;
  for (const o of outcomes) {
    if (o.ok) storefrontsFetched++;
    else storefrontsFailed++;
    if (o.error) errors++;
    rowsUpserted += o.rows + o.tombstones;
    tombstones += o.tombstones;
    malformedFields += o.malformedFields ?? 0;
    itunesRequests += o.requests;
    throttleHits += o.throttled;
    retries += o.retries;
  }
  return { storefrontsFetched, storefrontsFailed, rowsUpserted, tombstones, malformedFields, errors, itunesRequests, throttleHits, retries };
}

import type { StorefrontOutcome } from "./snapshot-storefront";

/** What a ratings run reports in sync_runs.counters and prints from the job command. */
export interface RatingsSyncCounters {
  apps: number;
  appsSkipped: number;
  appsRefreshed: number;
  storefronts: number;
  storefrontsFetched: number;
  storefrontsFailed: number;
  rowsUpserted: number;
  tombstones: number;
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
    itunesRequests += o.requests;
    throttleHits += o.throttled;
    retries += o.retries;
  }
  return { storefrontsFetched, storefrontsFailed, rowsUpserted, tombstones, errors, itunesRequests, throttleHits, retries };
}

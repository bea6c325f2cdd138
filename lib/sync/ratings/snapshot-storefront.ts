import "server-only";
import { chunk, createItunesStats, ItunesRequestError, unreachableDetail } from "@/lib/apple/itunes";
import { env } from "@/lib/env";
import { itunesClientFor, type ItunesOverrides } from "@/lib/sync/itunes-client";
import { recordStorefrontDone } from "@/lib/sync/runs";
import { planStorefrontSnapshot, type RatedApp } from "./snapshot-plan";
import { writeStorefrontSnapshots } from "./write-storefront-snapshots";

/** A storefront step's JSON-safe output. */
export interface StorefrontOutcome {
  storefront: string;
  ok: boolean;
  found: number;
  noRatings: number;
  rows: number;
  tombstones: number;
  /** Values Apple sent that could not be read: rating fields (the previous figures were kept) and result ids. */
  malformedFields: number;
  requests: number;
  throttled: number;
  retries: number;
  /** Apps whose chunk failed after retries: nothing was written for them here. */
  failedAppIds: string[];
  error: string | null;
  /** Set when a call got no HTTP answer at all (what the network said): counts towards "Apple unreachable". */
  networkError: string | null;
}

/**
 * One storefront: each iTunes call carries a chunk of apps (by trackId); each chunk's answer is written with
 * one statement. A chunk that still fails after the client's retries writes nothing (no data, no tombstone).
 */
export async function snapshotStorefront(input: {
  runId: string;
  storefront: string;
  snapshotDate: string;
  apps: RatedApp[];
  storefrontsTotal: number;
  itunes?: ItunesOverrides;
}): Promise<StorefrontOutcome> {
  const stats = createItunesStats();
  const chunkSize = input.itunes?.chunkSize ?? env().ITUNES_CHUNK_SIZE;
  const client = itunesClientFor({ ...input.itunes, chunkSize, stats });
  const out: StorefrontOutcome = {
    storefront: input.storefront,
    ok: true,
    found: 0,
    noRatings: 0,
    rows: 0,
    tombstones: 0,
    malformedFields: 0,
    requests: 0,
    throttled: 0,
    retries: 0,
    failedAppIds: [],
    error: null,
    networkError: null,
  };
  for (const part of chunk(input.apps, chunkSize)) {
    let outcomes;
    try {
      outcomes = await client.lookupOutcomes({ storefront: input.storefront, ids: part.map((a) => a.trackId) });
    } catch (error) {
      if (!(error instanceof ItunesRequestError)) throw error;
      out.ok = false;
      out.error = error.message;
      out.networkError = unreachableDetail(error) ?? out.networkError;
      out.failedAppIds.push(...part.map((a) => a.appId));
      continue;
    }
    const plan = planStorefrontSnapshot(part, outcomes);
    const written = await writeStorefrontSnapshots(input.storefront, input.snapshotDate, plan);
    out.found += plan.foundCount;
    out.noRatings += plan.noRatingsCount;
    out.rows += written.rows;
    out.tombstones += written.tombstones;
    out.malformedFields += plan.malformedFields;
  }
  out.malformedFields += stats.unreadableResults;
  Object.assign(out, { requests: stats.requests, throttled: stats.throttled, retries: stats.retries });
  await recordStorefrontDone(input.runId, { storefrontsTotal: input.storefrontsTotal, failed: !out.ok });
  return out;
}

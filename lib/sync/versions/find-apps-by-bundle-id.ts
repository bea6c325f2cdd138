import "server-only";
import { ItunesReachability, ItunesRequestError, UNREACHABLE_AFTER_STOREFRONTS, unreachableDetail, type ItunesApp, type ItunesClient } from "@/lib/apple/itunes";
import { STOREFRONT_CODES } from "@/lib/apple/storefronts";

/** Where to look first for an app the US storefront does not sell: the biggest markets. */
export const FALLBACK_STOREFRONTS = ["gb", "de", "jp", "fr", "ca", "au", "cn", "kr", "br", "in", "it", "es", "nl", "mx", "se", "ch"] as const;

const FIRST = ["us", ...FALLBACK_STOREFRONTS];
/** Every storefront, the big markets first: an app sold only in Ireland is still found. */
export const SEARCH_ORDER: readonly string[] = [...FIRST, ...STOREFRONT_CODES.filter((s) => !FIRST.includes(s))];

export interface FoundApp {
  bundleId: string;
  trackId: number;
  version: string | null;
  currentVersionReleaseDate: string | null;
  storefront: string;
}

export interface BundleIdSearch {
  /** Keyed by the bundle id as requested. */
  found: Map<string, FoundApp>;
  /** Asked everywhere it was to be asked, and absent from every answer. */
  notFound: string[];
  /** Not found, but some storefronts it was to be asked in did not answer: unknown, not absent. */
  incomplete: string[];
  failedStorefronts: string[];
  /** Set when the search stopped because iTunes Lookup could not be reached at all. */
  unreachable: string | null;
  /** Storefronts left out after the search stopped (Apple unreachable, or failing storefront after storefront). */
  storefrontsNotAttempted: number;
}

/**
 * Batched bundle-id lookups: the US storefront first, then the biggest markets, then — for the bundle ids in
 * `searchEverywhere` (default all) — every other storefront. Each call carries every bundle id still missing
 * (the client chunks long lists); an app drops out at its first hit. Calls go through the client's pacer.
 */
export async function findAppsByBundleId(
  client: ItunesClient,
  bundleIds: readonly string[],
  options: { searchEverywhere?: ReadonlySet<string>; storefronts?: readonly string[] } = {},
): Promise<BundleIdSearch> {
  const order = options.storefronts ?? SEARCH_ORDER;
  const everywhere = (b: string) => !options.searchEverywhere || options.searchEverywhere.has(b);
  const found = new Map<string, FoundApp>();
  const failedStorefronts: string[] = [];
  const unanswered = new Set<string>();
  const reachability = new ItunesReachability();
  let missing = [...new Set(bundleIds)];
  let asked = 0;
  // Storefronts failing one after another (after the client's retries) mean Apple is down or unreachable:
  // walking the other storefronts would only cost minutes of retries.
  let failedInARow = 0;
  for (const [i, storefront] of order.entries()) {
    if (i === FIRST.length) missing = missing.filter(everywhere);
    if (missing.length === 0 || failedInARow >= UNREACHABLE_AFTER_STOREFRONTS) break;
    asked++;
    let apps: ItunesApp[];
    try {
      apps = await client.lookup({ storefront, bundleIds: missing });
    } catch (error) {
      if (!(error instanceof ItunesRequestError)) throw error;
      failedStorefronts.push(storefront);
      failedInARow++;
      for (const b of missing) unanswered.add(b);
      reachability.record({ answered: false, networkDetail: unreachableDetail(error) });
      continue;
    }
    failedInARow = 0;
    reachability.record({ answered: true });
    const byBundle = new Map(apps.map((a) => [a.bundleId.toLowerCase(), a]));
    for (const bundleId of missing) {
      const app = byBundle.get(bundleId.toLowerCase());
      if (app) found.set(bundleId, { bundleId, trackId: app.trackId, version: app.version, currentVersionReleaseDate: app.currentVersionReleaseDate, storefront });
    }
    missing = missing.filter((b) => !found.has(b));
  }
  const stopped = failedInARow >= UNREACHABLE_AFTER_STOREFRONTS && missing.length > 0;
  const storefrontsNotAttempted = stopped ? order.length - asked : 0;
  if (stopped) for (const b of missing) unanswered.add(b);
  const notFoundAnywhere = [...new Set(bundleIds)].filter((b) => !found.has(b));
  return {
    found,
    notFound: notFoundAnywhere.filter((b) => !unanswered.has(b)),
    incomplete: notFoundAnywhere.filter((b) => unanswered.has(b)),
    failedStorefronts,
    unreachable: reachability.reason,
    storefrontsNotAttempted,
  };
}

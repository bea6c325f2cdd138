import "server-only";
import { ItunesRequestError, type ItunesApp, type ItunesClient } from "@/lib/apple/itunes";

/**
 * Where to look for an app the US storefront does not sell, biggest markets first. Bounded: a bundle id
 * missing from all of these is reported as not found rather than costing 175 calls.
 */
export const FALLBACK_STOREFRONTS = ["gb", "de", "jp", "fr", "ca", "au", "cn", "kr", "br", "in", "it", "es", "nl", "mx", "se", "ch"] as const;

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
  notFound: string[];
  failedStorefronts: string[];
}

/**
 * Batched bundle-id lookups: the US storefront first (every call carries a chunk of bundle ids), then the
 * still-missing ones in a bounded list of other storefronts until all are found.
 */
export async function findAppsByBundleId(
  client: ItunesClient,
  bundleIds: readonly string[],
  storefronts: readonly string[] = ["us", ...FALLBACK_STOREFRONTS],
): Promise<BundleIdSearch> {
  const found = new Map<string, FoundApp>();
  const failedStorefronts: string[] = [];
  let missing = [...new Set(bundleIds)];
  for (const storefront of storefronts) {
    if (missing.length === 0) break;
    let apps: ItunesApp[];
    try {
      apps = await client.lookup({ storefront, bundleIds: missing });
    } catch (error) {
      if (!(error instanceof ItunesRequestError)) throw error;
      failedStorefronts.push(storefront);
      continue;
    }
    const byBundle = new Map(apps.map((a) => [a.bundleId.toLowerCase(), a]));
    for (const bundleId of missing) {
      const app = byBundle.get(bundleId.toLowerCase());
      if (app) {
        found.set(bundleId, {
          bundleId,
          trackId: app.trackId,
          version: app.version,
          currentVersionReleaseDate: app.currentVersionReleaseDate,
          storefront,
        });
      }
    }
    missing = missing.filter((b) => !found.has(b));
  }
  return { found, notFound: missing, failedStorefronts };
}

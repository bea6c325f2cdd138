// Pure: what one storefront's lookup means for each app, as the column arrays the set-based upsert takes.
import type { LookupOutcome } from "@/lib/apple/itunes/transform";

export interface RatedApp {
  appId: string;
  trackId: number;
}

export interface StorefrontSnapshotPlan {
  appIds: string[];
  /** true: ratings found (a data row); false: absent or no ratings here (a tombstone if live data preceded). */
  found: boolean[];
  averages: (number | null)[];
  counts: number[];
  currentVersionAverages: (number | null)[];
  currentVersionCounts: (number | null)[];
  versions: (string | null)[];
  foundCount: number;
  noRatingsCount: number;
}

/** Apps "sold but without ratings" count as absent: a storefront row is only ever live data or a tombstone. */
export function planStorefrontSnapshot(apps: readonly RatedApp[], outcomes: ReadonlyMap<string, LookupOutcome>): StorefrontSnapshotPlan {
  const plan: StorefrontSnapshotPlan = {
    appIds: [],
    found: [],
    averages: [],
    counts: [],
    currentVersionAverages: [],
    currentVersionCounts: [],
    versions: [],
    foundCount: 0,
    noRatingsCount: 0,
  };
  for (const app of apps) {
    const outcome = outcomes.get(String(app.trackId)) ?? { kind: "not_sold" as const };
    const found = outcome.kind === "found";
    if (found) plan.foundCount++;
    if (outcome.kind === "no_ratings") plan.noRatingsCount++;
    const data = outcome.kind === "found" ? outcome.app : null;
    plan.appIds.push(app.appId);
    plan.found.push(found);
    plan.averages.push(data?.averageRating ?? null);
    plan.counts.push(data?.ratingCount ?? 0);
    plan.currentVersionAverages.push(data?.currentVersionAverageRating ?? null);
    plan.currentVersionCounts.push(data ? data.currentVersionRatingCount : null);
    plan.versions.push(outcome.kind === "not_sold" ? null : outcome.app.version);
  }
  return plan;
}

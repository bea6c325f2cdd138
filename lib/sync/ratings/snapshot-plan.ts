// Pure: what one storefront's lookup means for each app, as the column arrays the set-based upsert takes.
import type { LookupOutcome, MalformedRatingField } from "@/lib/apple/itunes/transform";

export interface RatedApp {
  appId: string;
  trackId: number;
}

export interface StorefrontSnapshotPlan {
  appIds: string[];
  /** true: in the results with ratings (a data row); false: absent or no ratings here (a tombstone if live data preceded). */
  found: boolean[];
  averages: (number | null)[];
  counts: (number | null)[];
  currentVersionAverages: (number | null)[];
  currentVersionCounts: (number | null)[];
  /** Per field, true when Apple's value could not be read: the app's previous figure is kept, no delta is drawn from it. */
  keepAverages: boolean[];
  keepCounts: boolean[];
  keepCurrentVersionAverages: boolean[];
  keepCurrentVersionCounts: boolean[];
  versions: (string | null)[];
  foundCount: number;
  noRatingsCount: number;
  /** Rating fields of present apps that could not be read. */
  malformedFields: number;
  /** Apps left as they were: absent from an answer that had an unreadable result, which may have been them. */
  unknownCount: number;
}

/**
 * Apps "sold but without ratings" count as absent: a storefront row is only ever live data or a tombstone.
 * An app in the results is present even when its figures cannot be read; an app whose absence is not certain
 * (the answer had an unreadable result) is left out of the plan: nothing is written for it.
 */
export function planStorefrontSnapshot(apps: readonly RatedApp[], outcomes: ReadonlyMap<string, LookupOutcome>): StorefrontSnapshotPlan {
  const plan: StorefrontSnapshotPlan = {
    appIds: [],
    found: [],
    averages: [],
    counts: [],
    currentVersionAverages: [],
    currentVersionCounts: [],
    keepAverages: [],
    keepCounts: [],
    keepCurrentVersionAverages: [],
    keepCurrentVersionCounts: [],
    versions: [],
    foundCount: 0,
    noRatingsCount: 0,
    malformedFields: 0,
    unknownCount: 0,
  };
  for (const app of apps) {
    const outcome = outcomes.get(String(app.trackId)) ?? { kind: "not_sold" as const };
    if (outcome.kind === "unreadable") {
      plan.unknownCount++;
      continue;
    }
    const found = outcome.kind === "found";
    if (found) plan.foundCount++;
    if (outcome.kind === "no_ratings") plan.noRatingsCount++;
    const data = outcome.kind === "found" ? outcome.app : null;
    const bad = (field: MalformedRatingField) => data?.malformed.includes(field) ?? false;
    if (data) plan.malformedFields += data.malformed.length;
    plan.appIds.push(app.appId);
    plan.found.push(found);
    plan.averages.push(bad("averageRating") ? null : (data?.averageRating ?? null));
    plan.counts.push(bad("ratingCount") ? null : (data?.ratingCount ?? 0));
    plan.currentVersionAverages.push(bad("currentVersionAverageRating") ? null : (data?.currentVersionAverageRating ?? null));
    plan.currentVersionCounts.push(data && !bad("currentVersionRatingCount") ? data.currentVersionRatingCount : null);
    plan.keepAverages.push(bad("averageRating"));
    plan.keepCounts.push(bad("ratingCount"));
    plan.keepCurrentVersionAverages.push(bad("currentVersionAverageRating"));
    plan.keepCurrentVersionCounts.push(bad("currentVersionRatingCount"));
    plan.versions.push(outcome.kind === "not_sold" ? null : outcome.app.version);
  }
  return plan;
}

// Shapes the ratings data layer returns to routes and components (JSON-safe; no server imports here).
import type { Store } from "@/lib/data/stores";
import type { SyncRunView } from "@/lib/sync/runs";

export interface CountryRating {
  countryCode: string;
  /** YYYY-MM-DD of the country's latest row. */
  snapshotDate: string;
  /** App Store: the storefront's rating. Google Play: Play Console's cumulative average as of that day. */
  averageRating: number;
  /** null: the store publishes no rating counts (Google Play). */
  ratingCount: number | null;
  /** Against the country's previous snapshot; null on first sight, and always on Google Play. */
  ratingCountDelta: number | null;
  /** Google Play: the average of that day's new ratings (null when nobody rated that day); null on the App Store. */
  dailyAverageRating: number | null;
  currentVersionAverageRating: number | null;
  currentVersionRatingCount: number | null;
  appVersion: string | null;
}

export interface UnavailableCountry {
  countryCode: string;
  /** The day its tombstone was written: the first snapshot where the app was gone. */
  since: string;
  /** Ratings it had before it disappeared (the tombstone's negative delta). */
  lastRatingCount: number | null;
}

export interface AppCountryRatings {
  /** The app's store: the App Store for an Apple app, Google Play for an Android app. */
  store: Store;
  /** The app's latest snapshot day; null before its first sync. */
  latestSnapshotDate: string | null;
  countries: CountryRating[];
  unavailable: UnavailableCountry[];
}

export interface ProjectCountryRating {
  countryCode: string;
  averageRating: number | null;
  ratingCount: number;
  ratingCountDelta: number | null;
  /** Apps with live ratings there. */
  apps: number;
  /** Apps no longer available there (their latest row is a tombstone). */
  unavailableApps: number;
}

export interface ProjectCountryRatings {
  apps: number;
  countries: ProjectCountryRating[];
}

export interface RatingHistoryPoint {
  date: string;
  averageRating: number | null;
  /** null on Google Play, which publishes no rating counts. */
  ratingCount: number | null;
  /** Google Play: the average of that day's new ratings; null on the App Store and on days nobody rated. */
  dailyAverageRating: number | null;
  currentVersionAverageRating: number | null;
  ratingCountDelta: number | null;
}

export interface RatingHistory {
  store: Store;
  country: string | null;
  days: number;
  points: RatingHistoryPoint[];
}

export interface RatingsSyncStatus {
  /** The queued or running run (this project's, or the nightly one over every project). */
  active: SyncRunView | null;
  /** The latest finished run. */
  last: SyncRunView | null;
  canSync: boolean;
  /** Why the sync button is disabled for this user, in words; null when they may sync. */
  cannotSyncReason: string | null;
  appleApps: number;
}

export const HISTORY_RANGES = [30, 90, 365] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];

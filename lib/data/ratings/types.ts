// Shapes the ratings data layer returns to routes and components (JSON-safe; no server imports here).
import type { SyncRunView } from "@/lib/sync/runs";

export interface CountryRating {
  countryCode: string;
  /** YYYY-MM-DD of the country's latest row. */
  snapshotDate: string;
  averageRating: number;
  ratingCount: number;
  /** Against the country's previous snapshot; null on first sight. */
  ratingCountDelta: number | null;
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
  ratingCount: number;
  currentVersionAverageRating: number | null;
  ratingCountDelta: number | null;
}

export interface RatingHistory {
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

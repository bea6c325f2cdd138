// Counters of the Google Play runs, as stored in sync_runs.counters (JSON-safe).
import type { GoogleFailure } from "@/lib/google/describe";

/** An app a run could not read completely, and what Google answered (the shape sync.failed reads). */
export interface PlayAppFailure {
  appId: string;
  app: string;
  during: "reviews" | "review_export" | "ratings_export";
  service: string;
  status: string;
  code: string | null;
  detail: string | null;
  hint: string | null;
  /** Reviews (or rating rows) written for the app before it stopped: kept. */
  written: number;
}

interface Common {
  apps: number;
  appsCompleted: number;
  appsIncomplete: number;
  /** Android apps without a package name: nothing to ask Google about. */
  appsWithoutPackage: string[];
  errorsByStatus: Record<string, number>;
  appFailures: PlayAppFailure[];
  retries: number;
  quotaWaits: number;
  quotaWaitMs: number;
  tokenRequests: number;
  clockCorrections: number;
  aborted: boolean;
  abortReason: string | null;
}

export interface PlayReviewSyncCounters extends Common {
  pages: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Reviews Google listed that cannot be stored as they are (stars not 1–5, no time): skipped. */
  malformedReviews: number;
}

export interface PlayReportCounters extends Common {
  /** Report files of the apps found in the bucket (of the kinds this job reads). */
  files: number;
  filesImported: number;
  /** Files whose generation was already imported: not downloaded again. */
  filesUnchanged: number;
  /** Files listed but gone by the time they were downloaded. */
  filesMissing: number;
  /** CSV records read. */
  rows: number;
  /** Lines the CSV reader could not read as a record, plus records whose values could not be read: skipped. */
  malformedRows: number;
  /** The first few, with their file and line. */
  malformedSamples: { file: string; line: number | null; reason: string }[];
  // reviews exports
  inserted: number;
  updated: number;
  unchanged: number;
  /** Star ratings without a title or text (not written reviews): skipped. */
  ratingsWithoutText: number;
  // ratings exports
  ratingRows: number;
  /** Days with no total average (blank): nothing to store. */
  rowsWithoutAverage: number;
  /** Country values that are not a two-letter code: skipped. */
  unknownCountryRows: number;
  /** Android apps given a worldwide Play Console average (the overview file). */
  appsRolledUp: number;
  /** In-app notifications written because an app's Play Console average moved (app.rating_changed). */
  notifications: number;
}

const common = (): Common => ({
  apps: 0,
  appsCompleted: 0,
  appsIncomplete: 0,
  appsWithoutPackage: [],
  errorsByStatus: {},
  appFailures: [],
  retries: 0,
  quotaWaits: 0,
  quotaWaitMs: 0,
  tokenRequests: 0,
  clockCorrections: 0,
  aborted: false,
  abortReason: null,
});

export function emptyPlayReviewCounters(): PlayReviewSyncCounters {
  return { ...common(), pages: 0, inserted: 0, updated: 0, unchanged: 0, malformedReviews: 0 };
}

export function emptyPlayReportCounters(): PlayReportCounters {
  return {
    ...common(),
    files: 0,
    filesImported: 0,
    filesUnchanged: 0,
    filesMissing: 0,
    rows: 0,
    malformedRows: 0,
    malformedSamples: [],
    inserted: 0,
    updated: 0,
    unchanged: 0,
    ratingsWithoutText: 0,
    ratingRows: 0,
    rowsWithoutAverage: 0,
    unknownCountryRows: 0,
    appsRolledUp: 0,
    notifications: 0,
  };
}

/** Adds the numeric fields of `delta` (and merges errorsByStatus). */
export function addPlayCounters<T extends Common>(into: T, delta: Partial<Record<keyof T, unknown>>): void {
  for (const [key, value] of Object.entries(delta)) {
    if (key === "errorsByStatus") {
      for (const [status, n] of Object.entries(value as Record<string, number>)) into.errorsByStatus[status] = (into.errorsByStatus[status] ?? 0) + n;
    } else if (typeof value === "number" && typeof (into as unknown as Record<string, unknown>)[key] === "number") {
      (into as unknown as Record<string, number>)[key] += value;
    }
  }
}

export function recordPlayFailure(counters: Common, app: { appId: string; name: string }, during: PlayAppFailure["during"], failure: GoogleFailure, written: number): void {
  counters.errorsByStatus[failure.status] = (counters.errorsByStatus[failure.status] ?? 0) + 1;
  counters.appFailures.push({ appId: app.appId, app: app.name, during, service: failure.service, status: failure.status, code: failure.code, detail: failure.detail, hint: failure.hint, written });
  counters.appsIncomplete++;
}

/** "Weather (listing its reviews): Google Play Developer API 403 PERMISSION_DENIED: The caller does not have permission — hint". */
export function describePlayFailure(f: PlayAppFailure): string {
  const what = { reviews: "listing its reviews", review_export: "reading its review exports", ratings_export: "reading its ratings exports" }[f.during];
  const answer = [f.status === "network" ? "no answer" : f.status, f.code].filter(Boolean).join(" ");
  return `${f.app} (${what}): ${f.service} ${answer}: ${f.detail ?? "no detail given"}${f.hint ? ` — ${f.hint}` : ""}`.replace(/\.+$/, "");
}

/** The run's status and error from its counters: failed when it stopped, partial when an app could not be read. */
export function playRunOutcome(counters: Common): { status: "succeeded" | "partial" | "failed"; error: string | null } {
  if (counters.abortReason) return { status: "failed", error: counters.abortReason };
  const failures = counters.appFailures;
  if (failures.length === 0) return { status: "succeeded", error: null };
  return {
    status: "partial",
    error: `${failures.length} of ${counters.apps} ${counters.apps === 1 ? "app" : "apps"} could not be read completely; what was stored stays. ${failures.map((f) => `${describePlayFailure(f)}.`).join(" ")}`,
  };
}

// Counters of an analytics run, as stored in sync_runs.counters (JSON-safe).
export interface AppFailure {
  app: string;
  status: string;
  code: string | null;
  detail: string;
}

export interface AnalyticsCounters {
  apps: number;
  appsFailed: number;
  requestsCreated: number;
  /** ONGOING requests Apple had stopped for inactivity, replaced. */
  requestsRecreated: number;
  /** POSTs of ONGOING and ONE_TIME_SNAPSHOT requests (at most one each per app and run). */
  requestPosts: number;
  snapshotPosts: number;
  /** Apps whose request could not be created for want of the Admin role (what exists was read). */
  adminMissing: number;
  /** Snapshot state per app name. */
  snapshots: Record<string, string>;
  /** Wanted reports Apple did not list (not an error, §2.10 P9). */
  reportsMissing: number;
  /** Wanted reports with an empty instance list (P5). */
  reportsEmpty: number;
  instancesListed: number;
  instancesAlreadyRead: number;
  instancesImported: number;
  /** Byte-identical duplicates of an instance already read (P1): skipped. */
  duplicatesSkipped: number;
  /** Instances whose segments answered 404 (P6): recorded and skipped. */
  instancesGone: number;
  /** Instances that could not be read (expired links after re-listing, checksum mismatch, a bad file): retried next run. */
  instancesFailed: number;
  segments: number;
  /** Segment lists asked for again after a refused link or a checksum mismatch. */
  urlRefreshes: number;
  checksumMismatches: number;
  rowsRead: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsDeleted: number;
  /** Dates replaced by an instance with a processing date not older than the stored one; dates kept because a newer one is stored. */
  daysReplaced: number;
  daysKeptNewer: number;
  /** Dates Apple did not publish between the first and the last date imported, per app and report, after this run. */
  gaps: number;
  pendingDays: number;
  unknownColumns: Record<string, number>;
  requests: number;
  retries: number;
  rateLimitWaits: number;
  /** What the team should know (a request re-created, the Admin role missing, a snapshot pending, a failed instance). */
  notes: string[];
  failures: AppFailure[];
}

export function emptyAnalyticsCounters(): AnalyticsCounters {
  return {
    apps: 0, appsFailed: 0, requestsCreated: 0, requestsRecreated: 0, requestPosts: 0, snapshotPosts: 0, adminMissing: 0, snapshots: {},
    reportsMissing: 0, reportsEmpty: 0, instancesListed: 0, instancesAlreadyRead: 0, instancesImported: 0, duplicatesSkipped: 0, instancesGone: 0,
    instancesFailed: 0, segments: 0, urlRefreshes: 0, checksumMismatches: 0, rowsRead: 0, rowsInserted: 0, rowsUpdated: 0, rowsDeleted: 0,
    daysReplaced: 0, daysKeptNewer: 0, gaps: 0, pendingDays: 0, unknownColumns: {}, requests: 0, retries: 0, rateLimitWaits: 0, notes: [], failures: [],
  };
}

const NUMERIC = [
  "appsFailed", "requestsCreated", "requestsRecreated", "requestPosts", "snapshotPosts", "adminMissing", "reportsMissing", "reportsEmpty", "instancesListed",
  "instancesAlreadyRead", "instancesImported", "duplicatesSkipped", "instancesGone", "instancesFailed", "segments", "urlRefreshes", "checksumMismatches",
  "rowsRead", "rowsInserted", "rowsUpdated", "rowsDeleted", "daysReplaced", "daysKeptNewer", "gaps", "pendingDays", "requests", "retries", "rateLimitWaits",
] as const satisfies readonly (keyof AnalyticsCounters)[];

/** Adds one app's counters to the run's. */
export function addCounters(into: AnalyticsCounters, from: AnalyticsCounters): void {
  for (const k of NUMERIC) into[k] += from[k];
  Object.assign(into.snapshots, from.snapshots);
  for (const [name, n] of Object.entries(from.unknownColumns)) into.unknownColumns[name] = (into.unknownColumns[name] ?? 0) + n;
  into.notes.push(...from.notes);
  into.failures.push(...from.failures);
}

// Counters of a sales or finance report run, as stored in sync_runs.counters (JSON-safe).
import type { DayFailure, DayResult } from "./import-sales-day";

export interface FileFailureNote extends DayFailure {
  /** The day (YYYY-MM-DD) or fiscal month (its first day) of the file. */
  date: string;
}

export interface ReportSyncCounters {
  /** The window asked about: oldest and newest day (or fiscal month start). */
  from: string | null;
  to: string | null;
  /** Files due in this run, and done so far. */
  due: number;
  done: number;
  imported: number;
  /** Imported again with the same checksum: nothing merged. */
  unchanged: number;
  noSales: number;
  notAvailableYet: number;
  unavailable: number;
  failed: number;
  /**
   * Of the failed files, those whose answer stopped the run (the key, its role, the rate limit, a refused query):
   * the run's error tells that answer once, and nothing asks again until the next run.
   */
  refused: number;
  rowsRead: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsDeleted: number;
  /** Column names Apple sent that Starboard does not read, with the number of files that had them. */
  unknownColumns: Record<string, number>;
  /** Product type codes outside the table (stored as "other"), with their row counts. */
  unknownProductTypes: Record<string, number>;
  /** Identifiers of the reports that map to no app of the project (kept, listed). */
  unmappedIdentifiers: number;
  /** Identifiers whose app changed in this run, and the days whose rollups were rebuilt for them. */
  remappedIdentifiers: number;
  daysRebuilt: number;
  requests: number;
  retries: number;
  rateLimitWaits: number;
  errorsByStatus: Record<string, number>;
  /** The first failures, with what Apple answered (at most 20 kept). */
  failures: FileFailureNote[];
  aborted: boolean;
  abortReason: string | null;
}

export function emptyReportCounters(): ReportSyncCounters {
  return {
    from: null, to: null, due: 0, done: 0, imported: 0, unchanged: 0, noSales: 0, notAvailableYet: 0, unavailable: 0, failed: 0, refused: 0,
    rowsRead: 0, rowsInserted: 0, rowsUpdated: 0, rowsDeleted: 0, unknownColumns: {}, unknownProductTypes: {}, unmappedIdentifiers: 0,
    remappedIdentifiers: 0, daysRebuilt: 0, requests: 0, retries: 0, rateLimitWaits: 0, errorsByStatus: {}, failures: [], aborted: false, abortReason: null,
  };
}

const FAILURES_KEPT = 20;

/** Adds one file's result to the counters. */
export function countFile(c: ReportSyncCounters, r: Pick<DayResult, "day" | "status" | "unchanged" | "rows" | "inserted" | "updated" | "deleted" | "unknownColumns" | "failure"> & { unknownProductTypes?: Record<string, number> }): void {
  c.done++;
  if (r.status === "imported") {
    if (r.unchanged) c.unchanged++;
    else c.imported++;
  } else if (r.status === "no_sales") c.noSales++;
  else if (r.status === "not_available_yet") c.notAvailableYet++;
  else if (r.status === "unavailable") c.unavailable++;
  else {
    c.failed++;
    if (r.failure?.abort) c.refused++;
  }
  c.rowsRead += r.rows;
  c.rowsInserted += r.inserted;
  c.rowsUpdated += r.updated;
  c.rowsDeleted += r.deleted;
  for (const name of r.unknownColumns) c.unknownColumns[name] = (c.unknownColumns[name] ?? 0) + 1;
  for (const [code, n] of Object.entries(r.unknownProductTypes ?? {})) c.unknownProductTypes[code] = (c.unknownProductTypes[code] ?? 0) + n;
  if (r.failure) {
    c.errorsByStatus[r.failure.status] = (c.errorsByStatus[r.failure.status] ?? 0) + 1;
    if (c.failures.length < FAILURES_KEPT) c.failures.push({ date: r.day, ...r.failure });
  }
}

/**
 * The failed files other than the ones that stopped the run (those are the run's abort reason), with what Apple
 * answered for the first few: null when there are none.
 */
export function describeRetriedFailures(c: ReportSyncCounters, what: (n: number) => string): string | null {
  const retried = c.failed - c.refused;
  if (retried <= 0) return null;
  const firsts = c.failures.filter((f) => !f.abort).slice(0, 3).map((f) => `${describeFileFailure(f)}.`);
  return [`${what(retried)}`, ...firsts].join(" ");
}

/** "2026-03-30: App Store Connect 500 UNEXPECTED_ERROR: … — hint", without a final period. */
export function describeFileFailure(f: FileFailureNote): string {
  const answer = f.status === "file" ? "the file" : `App Store Connect ${[f.status === "network" ? "gave no answer" : f.status, f.code].filter(Boolean).join(" ")}`;
  return `${f.date}: ${answer}: ${f.detail ?? "no detail given"}${f.hint ? ` — ${f.hint}` : ""}`.replace(/\.+$/, "");
}

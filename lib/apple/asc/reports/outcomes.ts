// What a report request can come back with besides a file. A 404/410 is an answer about the report, not a
// failure: match on Apple's detail text (the split is from third-party probing, apple-reports.md §3.2).
import type { Readable } from "node:stream";

export type MissingReportKind = "no_sales" | "not_available_yet" | "unavailable";

export interface MissingReport {
  kind: MissingReportKind;
  status: number;
  code: string | null;
  detail: string | null;
}

export interface ReportFile {
  kind: "file";
  status: number;
  /** The response body as sent: gzip bytes (plain text is tolerated by the reader). Read it to the end or destroy it. */
  body: Readable;
}

export type ReportResponse = ReportFile | MissingReport;

/**
 * 410 → beyond retention. 404 → by its detail: "no sales" is a real zero day; "no longer available" / "only
 * available for past 365 days" is beyond retention; "not available yet" — and any other 404, whose meaning we
 * cannot tell — is retried later and never stored as zero.
 */
export function classifyMissingReport(status: number, detail: string | null, parameter: string | null = null): MissingReportKind | null {
  const text = (detail ?? "").toLowerCase();
  // A 404 about the vendor number is a refusal of the request, not an answer about the report.
  if (parameter === "filter[vendorNumber]" || /vendor/.test(text)) return null;
  if (status === 410) return "unavailable";
  if (status !== 404) return null;
  if (/no sales|no data (is )?available for the (date|period) specified/.test(text)) return "no_sales";
  if (/no longer available|only available for (the )?past|too old|retention|expired/.test(text)) return "unavailable";
  return "not_available_yet";
}

// Pure: one row of a monthly ratings export (stats/ratings/ratings_<package>_<YYYYMM>_<dimension>.csv) → the day's
// averages. "NA" (no ratings that day) and blank cells are null, never 0; Play gives no counts.
import type { ReportRecord } from "./csv";

export interface RatingsExportRow {
  /** YYYY-MM-DD */
  date: string;
  /** Lowercase alpha-2 for the country file; null for the overview file. */
  countryCode: string | null;
  /** The average of the ratings given that day; null when none ("NA"). */
  dailyAverage: number | null;
  /** The cumulative average as of that day ("Play Console average"), not the store's displayed rating. */
  totalAverage: number | null;
}

export type RatingsRowResult = { kind: "row"; row: RatingsExportRow } | { kind: "malformed"; reason: string } | { kind: "unknown_country"; value: string };

function average(raw: string | undefined, column: string): number | null | { error: string } {
  const value = (raw ?? "").trim();
  if (value === "" || /^(NA|N\/A|-)$/i.test(value)) return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || n > 5) return { error: `${column} ${JSON.stringify(value)} is not an average from 1 to 5` };
  return Math.round(n * 100) / 100;
}

export function toRatingsRow(record: ReportRecord, dimension: "overview" | "country"): RatingsRowResult {
  const date = (record["date"] ?? "").trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return { kind: "malformed", reason: `date ${JSON.stringify(date)} is not YYYY-MM-DD` };
  let countryCode: string | null = null;
  if (dimension === "country") {
    const country = (record["country"] ?? "").trim();
    if (!/^[A-Za-z]{2}$/.test(country)) return { kind: "unknown_country", value: country };
    countryCode = country.toLowerCase();
  }
  const daily = average(record["daily average rating"], "Daily Average Rating");
  const total = average(record["total average rating"], "Total Average Rating");
  if (daily !== null && typeof daily === "object") return { kind: "malformed", reason: daily.error };
  if (total !== null && typeof total === "object") return { kind: "malformed", reason: total.error };
  return { kind: "row", row: { date, countryCode, dailyAverage: daily, totalAverage: total } };
}

// Pure display helpers for ratings (shared by server and client components).
import { countryName, flagEmoji } from "@/lib/apple/storefronts";

const full = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export const formatCount = (n: number) => full.format(n);
export const formatCompactCount = (n: number) => compact.format(n);

/** Two decimals, as the App Store average is stored ("4.62"). */
export const formatAverage = (n: number | null | undefined) => (n === null || n === undefined ? "–" : n.toFixed(2));

/** "+8", "−3", "±0" (a real minus sign so the column lines up). */
/** Text colour of a rating-count change: green up, red down, muted when none or unknown. */
export function deltaClass(delta: number | null): string {
  if (delta === null || delta === 0) return "text-muted-foreground";
  return delta > 0 ? "text-emerald-700" : "text-red-700";
}

export function formatDelta(n: number): string {
  if (n > 0) return `+${full.format(n)}`;
  if (n < 0) return `−${full.format(-n)}`;
  return "±0";
}

/** "Nov 20" for a YYYY-MM-DD day (UTC, as snapshots are). */
export function formatDay(day: string, withYear = false): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", ...(withYear ? { year: "numeric" } : {}), timeZone: "UTC" });
}

/**
 * Biggest markets first; countries with the same number of ratings (the long tail often has many) by name as
 * shown, not by code: "Albania, Angola, Armenia", never "AE, AF, AG".
 */
export function byRatingsThenName<T extends { countryCode: string; ratingCount: number | null }>(rows: readonly T[]): T[] {
  // A country without a count (none published) after every counted one.
  return [...rows].sort((a, b) => (b.ratingCount ?? -1) - (a.ratingCount ?? -1) || countryName(a.countryCode).localeCompare(countryName(b.countryCode), "en"));
}

/** What the UI says where a count would stand for an Android app, instead of a 0 or a change. */
export const PLAY_NO_COUNTS = "Google Play does not publish rating counts";

export { countryName, flagEmoji };

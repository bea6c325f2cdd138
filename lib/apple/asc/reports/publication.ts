// When Apple publishes a daily Sales and Trends report: the next day, generally by 8 a.m. Pacific
// (apple-reports.md §3.5). Day boundaries are the territory's; worldwide reports follow Pacific time.
import { addDays } from "./values";

/** Pacific hour after which yesterday's report is expected. */
export const SALES_PUBLICATION_HOUR_PACIFIC = 8;
/** Daily reports Apple keeps (one year; older days answer "no longer available"). */
export const SALES_RETENTION_DAYS = 365;

const pacificParts = new Intl.DateTimeFormat("en-US", { timeZone: "America/Los_Angeles", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" });

function pacific(now: Date): { date: string; hour: number } {
  const parts = Object.fromEntries(pacificParts.formatToParts(now).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/** The newest day whose daily report should be out at `now`: yesterday (Pacific) after 8 a.m. Pacific, else the day before. */
export function latestPublishedSalesDay(now: Date): string {
  const p = pacific(now);
  return addDays(p.date, p.hour >= SALES_PUBLICATION_HOUR_PACIFIC ? -1 : -2);
}

/** The oldest day Apple still keeps a daily report for, given the newest published one. */
export function oldestRetainedSalesDay(latest: string): string {
  return addDays(latest, -(SALES_RETENTION_DAYS - 1));
}

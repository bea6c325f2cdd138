// Pure display helpers for downloads and revenue (shared by server and client components). The figures arrive as exact
// decimals in text; they become numbers only to be shown.
import { formatDay } from "@/components/ratings/format";

const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export const formatUnits = (value: string) => whole.format(Number(value));
export const formatCompactUnits = (value: string | number) => compact.format(Number(value));

/** "€1,234.50"; a currency Intl does not know is written as its code. */
export function formatMoney(amount: string | number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(Number(amount));
  } catch {
    return `${currency} ${whole.format(Number(amount))}`;
  }
}

/** "+12.3 %", "−4.0 %", "±0 %"; null (no comparison) as "—". */
export function formatChange(change: number | null): string {
  if (change === null) return "—";
  const pct = Math.abs(change * 100);
  if (pct < 0.05) return "±0 %";
  return `${change > 0 ? "+" : "−"}${pct.toFixed(1)} %`;
}

export function changeClass(change: number | null): string {
  if (change === null || Math.abs(change) < 0.0005) return "text-muted-foreground";
  return change > 0 ? "text-emerald-700" : "text-red-700";
}

/** "Mar 1 – Mar 30, 2026" (the year once when both ends share it). */
export function formatRange(from: string, to: string): string {
  if (from === to) return formatDay(from, true);
  return from.slice(0, 4) === to.slice(0, 4) ? `${formatDay(from)} – ${formatDay(to, true)}` : `${formatDay(from, true)} – ${formatDay(to, true)}`;
}

export const RANGE_PRESETS = [30, 90, 365] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** YYYY-MM-DD arithmetic in UTC, like the report days. */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The chart's range from the URL: a preset up to the newest day Apple publishes, or a custom from/to. */
export type SalesRangeChoice = { kind: "preset"; days: RangePreset; from: string; to: string } | { kind: "custom"; from: string; to: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function rangeFromParams(params: { get(name: string): string | null }, latestPublishedDay: string): SalesRangeChoice {
  const from = params.get("from");
  const to = params.get("to");
  if (from && to && DAY.test(from) && DAY.test(to) && from <= to) return { kind: "custom", from, to };
  const days = Number(params.get("range"));
  const preset = (RANGE_PRESETS as readonly number[]).includes(days) ? (days as RangePreset) : 30;
  return { kind: "preset", days: preset, from: shiftDay(latestPublishedDay, -(preset - 1)), to: latestPublishedDay };
}

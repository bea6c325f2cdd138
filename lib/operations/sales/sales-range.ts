import "server-only";
// What every sales read resolves first: the range (defaults from Apple's publication schedule), the team currency
// with the fiscal months that are still estimates, and the product types per bucket for reads of the raw facts.
import { calendarName, codesOf, fiscalMonthContaining, latestPublishedSalesDay } from "@/lib/apple/asc/reports";
import { addDays } from "@/lib/apple/asc/reports/values";
import type { ProjectAccess } from "@/lib/auth/access";
import type { ProductTypeCodes } from "@/lib/data/sales/by-country";
import { financeCoverage } from "@/lib/data/sales/team-currency";
import type { SalesRange, TeamCurrency } from "@/lib/data/sales/types";
import { ValidationError } from "@/lib/errors";

/** Days a range covers when only one end, or neither, is given. */
export const DEFAULT_RANGE_DAYS = 30;

/** from/to as given, else the 30 days up to the newest day Apple publishes by `now`. */
export function resolveSalesRange(input: { from?: string; to?: string }, now = new Date()): SalesRange {
  const to = input.to ?? (input.from ? addDays(input.from, DEFAULT_RANGE_DAYS - 1) : latestPublishedSalesDay(now));
  const from = input.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) throw new ValidationError(`from (${from}) is after to (${to}): swap them.`, { from: `from (${from}) is after to (${to}): swap them.` });
  return { from, to };
}

const monthName = (start: string) => {
  const [year, month] = calendarName(fiscalMonthContaining(start)).split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
};

/**
 * The team currency, and the fiscal months of the range (clipped to it) that no finance report covers yet: their
 * converted proceeds use the nearest month's rates. Without finance data there is nothing converted, so no estimate.
 */
export async function teamCurrencyFor(ctx: ProjectAccess, range: SalesRange | null): Promise<TeamCurrency> {
  const coverage = await financeCoverage(ctx);
  if (!coverage.payoutCurrency || !range) return { code: coverage.payoutCurrency, estimatedMonths: [] };
  const covered = (day: string) => coverage.months.some((m) => m.start <= day && day <= m.end);
  const estimatedMonths: TeamCurrency["estimatedMonths"] = [];
  for (let day = range.from; day <= range.to; ) {
    const month = fiscalMonthContaining(day);
    const to = month.end < range.to ? month.end : range.to;
    let from: string | null = null;
    let last = day;
    for (let d = day; d <= to; d = addDays(d, 1)) {
      if (!covered(d)) {
        from ??= d;
        last = d;
      }
    }
    if (from) estimatedMonths.push({ name: monthName(from), from, to: last });
    day = addDays(to, 1);
  }
  return { code: coverage.payoutCurrency, estimatedMonths };
}

export const PRODUCT_TYPE_CODES: ProductTypeCodes = {
  downloads: codesOf("downloads"),
  redownloads: codesOf("redownloads"),
  updates: codesOf("updates"),
  inAppPurchases: codesOf("inAppPurchases"),
  subscriptions: codesOf("subscriptions"),
};

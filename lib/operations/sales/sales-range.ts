import "server-only";
// What every sales read resolves first: the range (defaults from Apple's publication schedule), the team currency
// with the fiscal months that are still estimates, and the product types per bucket for reads of the raw facts.
import { calendarName, codesOf, fiscalMonthContaining, latestPublishedSalesDay } from "@/lib/apple/asc/reports";
import { addDays, daysBetween } from "@/lib/apple/asc/reports/values";
import { MAX_SALES_RANGE_DAYS } from "@/lib/api/v1/schemas/sales";
import type { ProjectAccess } from "@/lib/auth/access";
import type { ProductTypeCodes } from "@/lib/data/sales/by-country";
import { financeCoverage } from "@/lib/data/sales/team-currency";
import type { SalesRange, TeamCurrency } from "@/lib/data/sales/types";
import { ValidationError } from "@/lib/errors";

/** Days a range covers when `from` is not given. */
export const DEFAULT_RANGE_DAYS = 30;

/** from/to as given; `to` defaults to the newest day Apple publishes by `now`, `from` to 29 days before `to`. */
export function resolveSalesRange(input: { from?: string; to?: string }, now = new Date()): SalesRange {
  const to = input.to ?? latestPublishedSalesDay(now);
  const from = input.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  // The query checked from/to as given; a default end can still fall before a given start, or too far after it.
  const problem =
    from > to
      ? `from (${from}) is after to (${to}), the newest day Apple has published: pick an earlier from.`
      : daysBetween(from, to) + 1 > MAX_SALES_RANGE_DAYS
        ? `The range is ${daysBetween(from, to) + 1} days; ask for at most ${MAX_SALES_RANGE_DAYS} at a time.`
        : null;
  if (problem) throw new ValidationError(problem, { from: problem });
  return { from, to };
}

const monthName = (start: string) => {
  const [year, month] = calendarName(fiscalMonthContaining(start)).split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
};

/**
 * The team currency, and the fiscal months of the range (clipped to it) that no finance report covers yet: their
 * converted proceeds use the latest earlier month's rates. Without finance data there is nothing converted, so no estimate.
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

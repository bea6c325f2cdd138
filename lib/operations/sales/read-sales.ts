import "server-only";
// The one read behind the project and app sales operations: the range resolved, the team currency, then per day
// (with release markers) or per storefront.
import type { ProjectAccess } from "@/lib/auth/access";
import { salesByCountry } from "@/lib/data/sales/by-country";
import { salesByDay } from "@/lib/data/sales/by-day";
import { releaseMarkers } from "@/lib/data/sales/releases";
import { PRODUCT_TYPE_CODES, resolveSalesRange, teamCurrencyFor } from "./sales-range";

export async function readSales(ctx: ProjectAccess, input: { from?: string; to?: string; groupBy: "day" | "country" }, appId: string | null) {
  const range = resolveSalesRange(input);
  const teamCurrency = await teamCurrencyFor(ctx, range);
  if (input.groupBy === "country") {
    const countries = await salesByCountry(ctx, range, teamCurrency.code, appId ? { appId, codes: PRODUCT_TYPE_CODES } : null);
    return { groupBy: "country" as const, ...range, teamCurrency, countries };
  }
  const [days, releases] = await Promise.all([salesByDay(ctx, range, teamCurrency.code, appId), releaseMarkers(ctx, range, appId)]);
  return { groupBy: "day" as const, ...range, teamCurrency, days, releases };
}

import "server-only";
// Reads for a project's "Downloads & revenue": per day (with the day's report state, so a day Apple has not
// published is pending, never zero) and per country. Units and proceeds stay exact decimals (text); proceeds are
// per currency of proceeds, never summed across currencies.
import type { ProjectAccess } from "@/lib/auth/access";
import { db } from "@/lib/db";

export interface SalesRange {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

export type SalesDayState = "imported" | "no_sales" | "pending" | "unavailable" | "failed";

export interface SalesUnits {
  downloads: string;
  redownloads: string;
  updates: string;
  inAppPurchases: string;
  subscriptions: string;
}

export interface SalesDay extends SalesUnits {
  date: string;
  state: SalesDayState;
  proceeds: { currency: string; amount: string }[];
}

export interface SalesCountry extends SalesUnits {
  countryCode: string;
  proceeds: { currency: string; amount: string }[];
}

interface DayRow {
  date: string;
  file_status: string | null;
  downloads: string;
  redownloads: string;
  updates: string;
  in_app_purchases: string;
  subscriptions: string;
  proceeds: { currency: string; amount: string }[] | null;
}

const stateOf = (status: string | null): SalesDayState =>
  status === "imported" || status === "no_sales" || status === "unavailable" || status === "failed" ? status : "pending";

/** One entry per day of the range, oldest first. */
export async function projectSalesDaily(ctx: ProjectAccess, range: SalesRange): Promise<SalesDay[]> {
  const rows = await db.$queryRaw<DayRow[]>`
    WITH days AS (SELECT d::date AS date FROM generate_series(${range.from}::date, ${range.to}::date, interval '1 day') d),
    sums AS (
      SELECT report_date, sum(downloads) AS downloads, sum(redownloads) AS redownloads, sum(updates) AS updates,
        sum(in_app_purchases) AS in_app_purchases, sum(subscriptions) AS subscriptions,
        json_agg(json_build_object('currency', proceeds_currency, 'amount', proceeds::text) ORDER BY proceeds_currency) FILTER (WHERE proceeds <> 0) AS proceeds
      FROM sales_project_days
      WHERE project_id = ${ctx.projectId}::uuid AND team_id = ${ctx.teamId}::uuid AND report_date BETWEEN ${range.from}::date AND ${range.to}::date
      GROUP BY report_date
    )
    SELECT days.date::text AS date, f.status::text AS file_status,
      COALESCE(s.downloads, 0)::text AS downloads, COALESCE(s.redownloads, 0)::text AS redownloads, COALESCE(s.updates, 0)::text AS updates,
      COALESCE(s.in_app_purchases, 0)::text AS in_app_purchases, COALESCE(s.subscriptions, 0)::text AS subscriptions, s.proceeds
    FROM days
    LEFT JOIN sums s ON s.report_date = days.date
    LEFT JOIN asc_report_files f ON f.project_id = ${ctx.projectId}::uuid AND f.team_id = ${ctx.teamId}::uuid AND f.kind = 'sales' AND f.frequency = 'DAILY' AND f.region_code = '' AND f.report_date = days.date
    ORDER BY days.date`;
  return rows.map((r) => ({
    date: r.date,
    // A stored day whose re-download failed stays "imported" on its file row, so "failed" means nothing stored.
    state: stateOf(r.file_status),
    downloads: r.downloads,
    redownloads: r.redownloads,
    updates: r.updates,
    inAppPurchases: r.in_app_purchases,
    subscriptions: r.subscriptions,
    proceeds: r.proceeds ?? [],
  }));
}

interface CountryRow {
  country_code: string;
  downloads: string;
  redownloads: string;
  updates: string;
  in_app_purchases: string;
  subscriptions: string;
  proceeds: { currency: string; amount: string }[] | null;
}

/** Per storefront over the range, most downloads first. */
export async function projectSalesByCountry(ctx: ProjectAccess, range: SalesRange): Promise<SalesCountry[]> {
  const rows = await db.$queryRaw<CountryRow[]>`
    WITH per_currency AS (
      SELECT country_code, proceeds_currency, sum(downloads) AS downloads, sum(redownloads) AS redownloads, sum(updates) AS updates,
        sum(in_app_purchases) AS in_app_purchases, sum(subscriptions) AS subscriptions, sum(proceeds) AS proceeds
      FROM sales_country_days
      WHERE project_id = ${ctx.projectId}::uuid AND team_id = ${ctx.teamId}::uuid AND report_date BETWEEN ${range.from}::date AND ${range.to}::date
      GROUP BY country_code, proceeds_currency
    )
    SELECT country_code, sum(downloads)::text AS downloads, sum(redownloads)::text AS redownloads, sum(updates)::text AS updates,
      sum(in_app_purchases)::text AS in_app_purchases, sum(subscriptions)::text AS subscriptions,
      json_agg(json_build_object('currency', proceeds_currency, 'amount', proceeds::text) ORDER BY proceeds_currency) FILTER (WHERE proceeds <> 0) AS proceeds
    FROM per_currency
    GROUP BY country_code
    ORDER BY sum(downloads) DESC, country_code`;
  return rows.map((r) => ({
    countryCode: r.country_code,
    downloads: r.downloads,
    redownloads: r.redownloads,
    updates: r.updates,
    inAppPurchases: r.in_app_purchases,
    subscriptions: r.subscriptions,
    proceeds: r.proceeds ?? [],
  }));
}

import "server-only";
// SQL pieces every sales read shares: the team-currency conversion (finance exchange rates per fiscal month), the
// per-currency figures of a set of rollup rows, and the report state of each day.
import type { ProjectAccess } from "@/lib/auth/access";
import { Prisma } from "@/lib/db";
import type { Money, SalesDayState, SalesFigures, SalesRange } from "./types";

/**
 * CTEs `fx_days` (date → the fiscal month whose rates apply, and whether that month has finance data) and `fx`
 * (date, currency → rate into the payout currency) over the range, and `fx_payout` (the payout currency of the
 * newest finance month). A day outside every finance month takes the nearest month's rates: an estimate.
 */
export function fxCtes(ctx: ProjectAccess, range: SalesRange): Prisma.Sql {
  return Prisma.sql`
    fx_months AS (
      SELECT period_start, max(period_end) AS period_end FROM finance_exchange_rates
      WHERE project_id = ${ctx.projectId}::uuid AND team_id = ${ctx.teamId}::uuid GROUP BY period_start
    ),
    fx_payout AS (
      SELECT payout_currency FROM finance_exchange_rates WHERE project_id = ${ctx.projectId}::uuid AND team_id = ${ctx.teamId}::uuid
      ORDER BY period_start DESC, currency LIMIT 1
    ),
    fx_days AS (
      SELECT g.d::date AS date, coalesce(m.period_start, n.period_start) AS month, m.period_start IS NOT NULL AS settled
      FROM generate_series(${range.from}::date, ${range.to}::date, interval '1 day') g(d)
      LEFT JOIN fx_months m ON g.d::date BETWEEN m.period_start AND m.period_end
      LEFT JOIN LATERAL (SELECT period_start FROM fx_months ORDER BY abs(period_start - g.d::date), period_start DESC LIMIT 1) n ON m.period_start IS NULL
    ),
    fx AS (
      SELECT fd.date, r.currency, r.rate FROM fx_days fd
      JOIN finance_exchange_rates r ON r.project_id = ${ctx.projectId}::uuid AND r.team_id = ${ctx.teamId}::uuid AND r.period_start = fd.month
    )`;
}

/**
 * `conv`: the rows of `src` (report_date, proceeds_currency, the five unit columns, proceeds, and the `keys`) with
 * the rate that converts their proceeds (NULL when none is known) and whether their day's month has finance data.
 */
export function convCte(keys: string[] = []): Prisma.Sql {
  const extra = keys.map((k) => `src.${k}, `).join("");
  return Prisma.sql`
    conv AS (
      SELECT ${Prisma.raw(extra)}src.report_date, src.proceeds_currency, src.downloads, src.redownloads, src.updates, src.in_app_purchases, src.subscriptions, src.proceeds,
        coalesce(fx.rate, CASE WHEN src.proceeds_currency = (SELECT payout_currency FROM fx_payout) THEN 1 END) AS rate,
        coalesce(fd.settled, false) AS fx_settled
      FROM src
      LEFT JOIN fx_days fd ON fd.date = src.report_date
      LEFT JOIN fx ON fx.date = src.report_date AND fx.currency = src.proceeds_currency
    )`;
}

/** Per currency of proceeds over `conv` (or another CTE of its columns), grouped by `keys` plus the currency. */
export function perCurrencyCte(keys: string[], from: "conv" | "ranged" = "conv"): Prisma.Sql {
  const cols = keys.map((k) => `${k}, `).join("");
  return Prisma.sql`
    per_currency AS (
      SELECT ${Prisma.raw(cols)}proceeds_currency, sum(downloads) AS downloads, sum(redownloads) AS redownloads, sum(updates) AS updates,
        sum(in_app_purchases) AS in_app_purchases, sum(subscriptions) AS subscriptions, sum(proceeds) AS proceeds,
        sum(proceeds * rate) FILTER (WHERE proceeds <> 0) AS converted,
        bool_or(NOT fx_settled) FILTER (WHERE proceeds <> 0) AS estimate,
        bool_or(rate IS NULL) FILTER (WHERE proceeds <> 0) AS missing_rate
      FROM ${Prisma.raw(from)} GROUP BY ${Prisma.raw(cols)}proceeds_currency
    )`;
}

/** The figure columns of a SELECT over `per_currency` grouped by the caller's keys. */
export const FIGURE_COLUMNS = Prisma.sql`
  trim_scale(coalesce(sum(downloads), 0))::text AS downloads, trim_scale(coalesce(sum(redownloads), 0))::text AS redownloads,
  trim_scale(coalesce(sum(updates), 0))::text AS updates, trim_scale(coalesce(sum(in_app_purchases), 0))::text AS in_app_purchases,
  trim_scale(coalesce(sum(subscriptions), 0))::text AS subscriptions,
  json_agg(json_build_object('currency', proceeds_currency, 'amount', proceeds::text) ORDER BY proceeds_currency) FILTER (WHERE proceeds <> 0) AS proceeds,
  round(coalesce(sum(converted), 0), 2)::text AS converted,
  coalesce(bool_or(estimate), false) AS estimate,
  coalesce(array_agg(proceeds_currency ORDER BY proceeds_currency) FILTER (WHERE missing_rate), '{}') AS missing_rates`;

export interface FigureRow {
  downloads: string | null;
  redownloads: string | null;
  updates: string | null;
  in_app_purchases: string | null;
  subscriptions: string | null;
  proceeds: Money[] | null;
  converted: string | null;
  estimate: boolean | null;
  missing_rates: string[] | null;
}

/** Figures from a FIGURE_COLUMNS row; a row that matched nothing (LEFT JOIN) is zeros. */
export function figuresOf(row: FigureRow, teamCurrency: string | null): SalesFigures {
  return {
    downloads: row.downloads ?? "0",
    redownloads: row.redownloads ?? "0",
    updates: row.updates ?? "0",
    inAppPurchases: row.in_app_purchases ?? "0",
    subscriptions: row.subscriptions ?? "0",
    proceeds: row.proceeds ?? [],
    converted: teamCurrency === null ? null : { amount: row.converted ?? "0.00", estimate: row.estimate ?? false, missingRates: row.missing_rates ?? [] },
  };
}

/** The day's daily SALES file (all regions) of the project, for `LEFT JOIN asc_report_files f ON … = <day>`. */
export function salesFileOn(ctx: ProjectAccess, day: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`f.project_id = ${ctx.projectId}::uuid AND f.team_id = ${ctx.teamId}::uuid AND f.kind = 'sales' AND f.frequency = 'DAILY' AND f.region_code = '' AND f.report_date = ${day}`;
}

export const dayStateOf = (status: string | null): SalesDayState =>
  status === "imported" || status === "no_sales" || status === "unavailable" || status === "failed" ? status : "pending";

/** The rollup rows of the range: the project's, every app's (with app_id), or one app's. */
export function rollupSource(ctx: ProjectAccess, range: SalesRange, of: "project" | "apps" | { appId: string }): Prisma.Sql {
  const where = Prisma.sql`project_id = ${ctx.projectId}::uuid AND team_id = ${ctx.teamId}::uuid AND report_date BETWEEN ${range.from}::date AND ${range.to}::date`;
  const unitCols = Prisma.sql`report_date, proceeds_currency, downloads, redownloads, updates, in_app_purchases, subscriptions, proceeds`;
  if (of === "project") return Prisma.sql`src AS (SELECT ${unitCols} FROM sales_project_days WHERE ${where})`;
  if (of === "apps") return Prisma.sql`src AS (SELECT app_id, ${unitCols} FROM sales_app_days WHERE ${where})`;
  return Prisma.sql`src AS (SELECT ${unitCols} FROM sales_app_days WHERE ${where} AND app_id = ${of.appId}::uuid)`;
}

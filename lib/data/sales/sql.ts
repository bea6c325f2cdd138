import "server-only";
// SQL pieces every sales read shares: the team-currency conversion (finance exchange rates per fiscal month), the
// per-currency figures of a set of rollup rows, and the report state of each day.
import type { ProjectAccess } from "@/lib/auth/access";
import { Prisma } from "@/lib/db";
import type { Money, SalesDayState, SalesFigures, SalesRange } from "./types";

/**
 * CTEs `fx_months` (the fiscal months with finance data, numbered in order), `fx_bounds` (their first and last days as
 * arrays) and `fx_payout` (the payout currency of the newest one). A day takes the rates of its month, else of the
 * latest month before it, else of the first: outside a month with finance data it is an estimate.
 */
export function fxCtes(ctx: ProjectAccess): Prisma.Sql {
  return Prisma.sql`
    fx_months AS (
      SELECT period_start, max(period_end) AS period_end, row_number() OVER (ORDER BY period_start)::int AS n FROM finance_exchange_rates
      WHERE project_id = ${ctx.projectId}::uuid AND team_id = ${ctx.teamId}::uuid GROUP BY period_start
    ),
    fx_bounds AS (SELECT array_agg(period_start ORDER BY period_start) AS starts, array_agg(period_end ORDER BY period_start) AS ends FROM fx_months),
    fx_payout AS (
      SELECT payout_currency FROM finance_exchange_rates WHERE project_id = ${ctx.projectId}::uuid AND team_id = ${ctx.teamId}::uuid
      ORDER BY period_start DESC, currency LIMIT 1
    )`;
}

/**
 * CTEs ending in `figures`: the rows of `from` (a CTE with the `keys`, report_date, proceeds_currency, the five unit
 * columns and proceeds) summed per key — units as text, proceeds per currency as JSON, and proceeds in the team
 * currency. Units are summed by key alone, proceeds per key, currency and fiscal month (found by width_bucket over the
 * months' first days, no join per row), and only then is the month's rate joined (Σ amount × rate is exactly
 * Σ(amount × rate) in numeric): a year of a large vendor's per-app rows never meets the rates row by row. Needs fxCtes.
 */
export function figuresCtes(ctx: ProjectAccess, keys: string[], from: "src" | "ranged" = "src"): Prisma.Sql {
  const k = (prefix: string) => Prisma.raw(keys.map((key) => `${prefix}${key}, `).join(""));
  const on = Prisma.raw(keys.map((key) => `m.${key} = u.${key}`).join(" AND "));
  const source = Prisma.raw(from);
  return Prisma.sql`
    units AS (
      SELECT ${k("")}sum(downloads) AS downloads, sum(redownloads) AS redownloads, sum(updates) AS updates,
        sum(in_app_purchases) AS in_app_purchases, sum(subscriptions) AS subscriptions
      FROM ${source} GROUP BY ${Prisma.raw(keys.join(", "))}
    ),
    money AS (
      SELECT ${k("s.")}s.proceeds_currency, greatest(width_bucket(s.report_date, b.starts), 1) AS n,
        coalesce(s.report_date BETWEEN b.starts[width_bucket(s.report_date, b.starts)] AND b.ends[width_bucket(s.report_date, b.starts)], false) AS settled,
        sum(s.proceeds) AS proceeds
      FROM ${source} s CROSS JOIN fx_bounds b
      WHERE s.proceeds <> 0
      GROUP BY ${k("s.")}s.proceeds_currency, 3, 4
    ),
    per_currency AS (
      SELECT ${k("m.")}m.proceeds_currency, sum(m.proceeds) AS proceeds,
        sum(m.proceeds * coalesce(r.rate, CASE WHEN m.proceeds_currency = (SELECT payout_currency FROM fx_payout) THEN 1 END)) AS converted,
        bool_or(NOT m.settled) AS estimate,
        bool_or(r.rate IS NULL AND m.proceeds_currency IS DISTINCT FROM (SELECT payout_currency FROM fx_payout)) AS missing_rate
      FROM money m
      LEFT JOIN fx_months fm ON fm.n = m.n
      LEFT JOIN finance_exchange_rates r
        ON r.project_id = ${ctx.projectId}::uuid AND r.team_id = ${ctx.teamId}::uuid AND r.period_start = fm.period_start AND r.currency = m.proceeds_currency
      GROUP BY ${k("m.")}m.proceeds_currency
    ),
    money_sums AS (
      SELECT ${k("")}json_agg(json_build_object('currency', proceeds_currency, 'amount', proceeds::text) ORDER BY proceeds_currency) AS proceeds,
        round(sum(converted), 2)::text AS converted, bool_or(estimate) AS estimate,
        coalesce(array_agg(proceeds_currency ORDER BY proceeds_currency) FILTER (WHERE missing_rate), '{}') AS missing_rates
      FROM per_currency WHERE proceeds <> 0 GROUP BY ${Prisma.raw(keys.join(", "))}
    ),
    figures AS (
      SELECT ${k("u.")}u.downloads AS downloads_sum, trim_scale(u.downloads)::text AS downloads, trim_scale(u.redownloads)::text AS redownloads,
        trim_scale(u.updates)::text AS updates, trim_scale(u.in_app_purchases)::text AS in_app_purchases, trim_scale(u.subscriptions)::text AS subscriptions,
        m.proceeds, m.converted, m.estimate, m.missing_rates
      FROM units u LEFT JOIN money_sums m ON ${on}
    )`;
}

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

/** Figures from a row of `figures`; a row that matched nothing (LEFT JOIN) is zeros. */
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
  // Read twice (units, proceeds): inlined, so the rows are scanned again rather than copied into a work table.
  if (of === "project") return Prisma.sql`src AS NOT MATERIALIZED (SELECT ${unitCols} FROM sales_project_days WHERE ${where})`;
  if (of === "apps") return Prisma.sql`src AS NOT MATERIALIZED (SELECT app_id, ${unitCols} FROM sales_app_days WHERE ${where})`;
  return Prisma.sql`src AS NOT MATERIALIZED (SELECT ${unitCols} FROM sales_app_days WHERE ${where} AND app_id = ${of.appId}::uuid)`;
}

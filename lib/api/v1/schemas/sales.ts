// Downloads and revenue (Sales and Trends, Finance reports) in /api/v1. Units and money are exact decimals as text;
// a day Apple has not published has no figures (state "pending"), never zeros.
import { z } from "zod";
import { SALES_DAY_STATES } from "@/lib/data/sales/types";

/** The longest range one request may ask for: two years of days. */
export const MAX_SALES_RANGE_DAYS = 731;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const isCalendarDay = (v: string) => {
  const t = Date.parse(`${v}T00:00:00Z`);
  return DAY.test(v) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
};
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const day = z.string().describe("YYYY-MM-DD");
const dayInput = (what: string) =>
  z
    .string()
    .trim()
    .refine(isCalendarDay, { message: `${what} must be a date as YYYY-MM-DD (e.g. 2026-03-01).` });

/** from/to checked together: in order, and not longer than MAX_SALES_RANGE_DAYS. Applied to the query and to operation inputs. */
export function checkSalesRange(value: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (!value.from || !value.to || !isCalendarDay(value.from) || !isCalendarDay(value.to)) return;
  if (value.from > value.to) ctx.addIssue({ code: "custom", path: ["from"], message: `from (${value.from}) is after to (${value.to}): swap them.` });
  else if (daysBetween(value.from, value.to) + 1 > MAX_SALES_RANGE_DAYS) {
    ctx.addIssue({ code: "custom", path: ["from"], message: `The range is ${daysBetween(value.from, value.to) + 1} days; ask for at most ${MAX_SALES_RANGE_DAYS} at a time.` });
  }
}

export const salesRangeFields = {
  from: dayInput("from").optional().describe("First day, YYYY-MM-DD (inclusive). Default: 29 days before `to`."),
  to: dayInput("to").optional().describe("Last day, YYYY-MM-DD (inclusive). Default: the newest day Apple publishes by now (yesterday in Pacific time after 8 a.m., else the day before)."),
};

export const salesGroupBy = z.enum(["day", "country"], { message: "groupBy is day or country." }).default("day").describe("day (one row per day, with its report state) or country (one row per storefront)");

export const salesQuery = z.object({ ...salesRangeFields, groupBy: salesGroupBy }).superRefine(checkSalesRange);
export const salesRangeQuery = z.object(salesRangeFields).superRefine(checkSalesRange);

const decimal = z.string().describe("An exact decimal as text");
const money = z.object({ currency: z.string().describe("ISO 4217"), amount: decimal });

const figures = {
  downloads: decimal.describe("First-time downloads"),
  redownloads: decimal,
  updates: decimal,
  inAppPurchases: decimal,
  subscriptions: decimal,
  proceeds: z.array(money).describe("Developer proceeds per currency of proceeds, as Apple reported them; never summed across currencies."),
  converted: z
    .object({
      amount: decimal.describe("Proceeds in the team currency (teamCurrency.code), rounded to the cent."),
      estimate: z.boolean().describe("Some of it falls in a fiscal month without finance data yet: converted at the rates of the latest month before it that has them (or the first)."),
      missingRates: z.array(z.string()).describe("Currencies no finance report gave a rate for: left out of amount."),
    })
    .nullable()
    .describe("null while the project has no finance data (no team currency known)."),
};
const figuresSchema = z.object(figures).meta({ id: "SalesFigures" });

export const teamCurrencySchema = z
  .object({
    code: z.string().nullable().describe("The currency Apple pays the team in (the finance reports' bank account currency); null until a finance report arrived."),
    estimatedMonths: z
      .array(z.object({ name: z.string().describe("The fiscal month, e.g. March 2026"), from: day, to: day }))
      .describe("Fiscal months of the range without finance data yet: their converted proceeds are estimates."),
  })
  .meta({ id: "TeamCurrency" });

const rangeFields = { from: day, to: day, teamCurrency: teamCurrencySchema };

export const salesDaySchema = z.object({
  date: day,
  state: z.enum(SALES_DAY_STATES as [string, ...string[]]).describe("imported · no_sales (a real zero) · pending (not published yet) · unavailable (beyond Apple's retention) · failed"),
  figures: figuresSchema.nullable().describe("null unless the day is imported or no_sales: a pending day is not a zero."),
});

export const releaseSchema = z.object({ date: day, appId: z.string(), appName: z.string(), version: z.string() });

const salesByDaySchema = z.object({
  groupBy: z.literal("day"),
  ...rangeFields,
  days: z.array(salesDaySchema).describe("Every day of the range, oldest first."),
  releases: z.array(releaseSchema).describe("App versions first seen in the reports on a day of the range."),
});

const salesByCountrySchema = z.object({
  groupBy: z.literal("country"),
  ...rangeFields,
  countries: z.array(z.object({ countryCode: z.string().describe("Storefront, two letters, lower case"), ...figures })).describe("Most downloads first."),
});

export const salesSchema = z.discriminatedUnion("groupBy", [salesByDaySchema, salesByCountrySchema]).meta({ id: "Sales" });

export const salesByAppSchema = z
  .object({
    ...rangeFields,
    apps: z.array(z.object({ appId: z.string(), name: z.string(), matched: z.boolean().describe("Whether any product in the reports belongs to this app (it needs its App Store id)."), ...figures })),
    unmatchedProducts: z.number().int().describe("Products in the reports that belong to no app of the project: kept, not counted in apps."),
  })
  .meta({ id: "SalesByApp" });

const period = z.object({ from: day, to: day, settledDays: z.number().int(), days: z.number().int(), ...figures });
const change = z.number().nullable().describe("Against the period before, as a fraction (0.25 = +25 %); null when either period misses days or the one before is zero.");

const kpiSchema = z.object({
  current: period,
  previous: period,
  change: z.object({ downloads: change, redownloads: change, updates: change, proceeds: change.describe("Of the converted proceeds; null without a team currency.") }),
});

export const salesSummarySchema = z
  .object({
    reports: z.object({
      connected: z.boolean().describe("The reports sync can run: an enabled team key with a vendor number."),
      notConnectedReason: z.string().nullable(),
      latestDay: day.nullable().describe("The newest day whose figures are in: the KPI periods end here."),
      earliestDay: day.nullable(),
    }),
    teamCurrency: teamCurrencySchema,
    kpis: z.object({ last7: kpiSchema, last30: kpiSchema }).nullable().describe("null before the first day is in."),
  })
  .meta({ id: "SalesSummary" });

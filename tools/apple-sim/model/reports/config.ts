// What the simulated Sales and Trends / Finance reports contain, and the behaviours apple-reports.md marks
// UNCONFIRMED (each switchable). The faults are the endpoint family's (asc/reports.ts).
import { z } from "zod";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a day as YYYY-MM-DD");

export const reportIapSchema = z.object({
  appleId: z.string(),
  sku: z.string(),
  title: z.string(),
  /** IA1 (in-app purchase), IA9 (non-renewing), IAY (auto-renewable subscription). */
  productType: z.enum(["IA1", "IA9", "IAY"]).default("IA1"),
  /** Price tier: 1 = 0.99 USD. */
  tier: z.number().int().min(1).max(20).default(1),
});

export const reportAppSchema = z.object({
  appleId: z.string(),
  sku: z.string(),
  title: z.string(),
  /** Price tier of the app itself; 0 = free. */
  tier: z.number().int().min(0).max(20).default(0),
  iaps: z.array(reportIapSchema).default([]),
  /** Relative volume against the other apps. */
  weight: z.number().positive().default(1),
  /** A new version every this many days ("1.<n>.0"); its first day is a release. */
  releaseEveryDays: z.number().int().positive().default(30),
});
export type ReportAppInput = z.input<typeof reportAppSchema>;
export type ReportApp = z.infer<typeof reportAppSchema>;

export const roleSchema = z.enum(["ADMIN", "FINANCE", "SALES_AND_REPORTS", "APP_MANAGER", "DEVELOPER", "CUSTOMER_SUPPORT", "MARKETING"]);
export type ReportRole = z.infer<typeof roleSchema>;

/** Behaviours apple-reports.md marks UNCONFIRMED; the defaults are the readings Starboard was built on. */
export const behavioursSchema = z.object({
  /** SALES files carry the trailing `Contingent App Name` column seen in a 1_1 fixture (§3.3, item 8). */
  salesContingentAppNameColumn: z.boolean().default(false),
  /** filter[version]=1_1 is accepted for SALES (otherwise 400 INVALID_COMBINATION, like any unknown version). */
  acceptSalesVersion11: z.boolean().default(false),
  /** How filter[reportDate] YYYY-MM names a fiscal month (§4.2): fiscal year + period number, or the calendar month it is named after. */
  financeReportDate: z.enum(["fiscal_period", "calendar_month"]).default("fiscal_period"),
  /** Region codes FINANCE_DETAIL answers (§4.3: clients say only Z1). */
  financeDetailRegions: z.array(z.string()).default(["Z1"]),
  /** FINANCIAL ZZ files end with an exchange-rate block (Region Currency, Exchange Rate, Bank Account Currency). */
  financeExchangeRates: z.boolean().default(true),
  /** Finance-role keys can read Sales and Trends (§1.2: third-party tools say yes). */
  financeRoleReadsSales: z.boolean().default(true),
  /** How a vendor number the key has no access to is answered (not documented). */
  wrongVendorNumber: z.enum(["400", "403", "404"]).default("403"),
  /** Each download lists the same rows in another order (same content, another checksum). */
  shuffleRows: z.boolean().default(false),
});
export type ReportBehaviours = z.infer<typeof behavioursSchema>;

export const reportsConfigSchema = z.object({
  vendorNumber: z.string().default("85012345"),
  /** The newest day with a published daily report; later days are "not available yet". Default: yesterday (UTC). */
  latestDay: isoDay.optional(),
  /** Daily reports kept: older days answer 410 "no longer available". */
  retentionDays: z.number().int().positive().default(365),
  /** Days on which nothing was sold (404 "There were no sales for the date specified."). */
  noSalesDays: z.array(isoDay).default([]),
  /** Days inside the published range that Apple never published (stay "not available yet"). */
  unpublishedDays: z.array(isoDay).default([]),
  apps: z.array(reportAppSchema).default([]),
  /** Synthetic apps added after `apps` (ids 1700000001…, two in-app purchases each). */
  generatedApps: z.number().int().min(0).default(0),
  /** About this many rows per daily file across all apps (sparse: each app × storefront × type appears on some days). */
  rowsPerDay: z.number().int().min(1).default(300),
  seed: z.number().int().default(7),
  /** Roles per key id; a key not listed is ADMIN. */
  roles: z.record(z.string(), z.array(roleSchema)).default({}),
  /** The currency Apple pays out in (finance exchange rates convert to it). */
  payoutCurrency: z.string().length(3).default("EUR"),
  behaviours: behavioursSchema.default(behavioursSchema.parse({})),
});
export type ReportsConfigInput = z.input<typeof reportsConfigSchema>;
export type ReportsConfig = z.infer<typeof reportsConfigSchema>;

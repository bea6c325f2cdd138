// Shapes the sales data layer returns to operations, routes and components (JSON-safe; no server imports here).
// Units and money are exact decimals as text, never floats. A day Apple has not published has no figures (null),
// never zeros.

export interface SalesRange {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

/**
 * imported: the day's report is stored; no_sales: Apple has no file because nothing was sold (a real zero);
 * pending: not published yet, or not asked for yet; unavailable: beyond Apple's retention; failed: could not be read.
 */
export type SalesDayState = "imported" | "no_sales" | "pending" | "unavailable" | "failed";
export const SALES_DAY_STATES: readonly SalesDayState[] = ["imported", "no_sales", "pending", "unavailable", "failed"];

/** A day with figures: its report is stored, or Apple said nothing was sold. */
export const isSettled = (state: SalesDayState) => state === "imported" || state === "no_sales";

export interface SalesUnits {
  /** First-time downloads (product types 1, 1F, 1T, …). */
  downloads: string;
  redownloads: string;
  updates: string;
  inAppPurchases: string;
  subscriptions: string;
}

export interface Money {
  currency: string;
  amount: string;
}

/**
 * Proceeds in the team currency: the currency Apple pays the team in, with each fiscal month's exchange rates from
 * its finance report. `estimate`: some of it falls in a month without finance data yet, converted at the latest
 * earlier month's rates. `missingRates`: currencies no finance report gave a rate for, left out of `amount`.
 */
export interface ConvertedProceeds {
  amount: string;
  estimate: boolean;
  missingRates: string[];
}

export interface SalesFigures extends SalesUnits {
  /** Per currency of proceeds, as Apple reported them; never summed across currencies. */
  proceeds: Money[];
  /** null when the project has no finance data, so no team currency is known. */
  converted: ConvertedProceeds | null;
}

export interface SalesDay {
  date: string;
  state: SalesDayState;
  /** null unless the day is settled (imported or no_sales). */
  figures: SalesFigures | null;
}

export interface SalesCountry extends SalesFigures {
  countryCode: string;
}

export interface SalesAppBreakdown extends SalesFigures {
  appId: string;
  name: string;
  /** Whether any product in the reports belongs to this app (an app without its App Store id matches nothing). */
  matched: boolean;
}

export interface SalesTotals extends SalesFigures {
  /** Days of the range whose figures are in (imported or no_sales), and all its days. */
  settledDays: number;
  days: number;
}

export interface ReleaseMarker {
  date: string;
  appId: string;
  appName: string;
  version: string;
}

/** The team currency and the fiscal months of a range whose proceeds are converted without finance data. */
export interface TeamCurrency {
  /** ISO 4217; null until a finance report named the payout currency. */
  code: string | null;
  /** Fiscal months of the range (clipped to it) without finance data yet: converted at the latest earlier month's rates. */
  estimatedMonths: { name: string; from: string; to: string }[];
}

export interface SalesReportsState {
  /** An enabled App Store Connect integration with a team key and a vendor number: the reports sync can run. */
  connected: boolean;
  /** Why it cannot, in words; null when connected. */
  notConnectedReason: string | null;
  /** The newest and oldest days whose figures are in; null before the first imported day. */
  latestDay: string | null;
  earliestDay: string | null;
}

export interface AppDownloadsSparkline {
  appId: string;
  /** Σ first-time downloads over the days that are in. */
  downloads: string;
  /** One point per day, oldest first; null = not published yet. */
  points: (number | null)[];
}

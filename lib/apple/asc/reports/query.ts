// The filters of GET /v1/salesReports and GET /v1/financeReports (apple-reports.md §3.1, §4.1), checked before any
// call: Apple answers a combination it does not offer with a 400 whose detail talks about date formats.
import { AscValidationError } from "../errors";

export const SALES_REPORT_TYPES = ["SALES", "PRE_ORDER", "NEWSSTAND", "SUBSCRIPTION", "SUBSCRIPTION_EVENT", "SUBSCRIBER", "SUBSCRIPTION_OFFER_CODE_REDEMPTION", "INSTALLS", "FIRST_ANNUAL", "WIN_BACK_ELIGIBILITY"] as const;
export const SALES_REPORT_SUB_TYPES = ["SUMMARY", "DETAILED", "SUMMARY_INSTALL_TYPE", "SUMMARY_TERRITORY", "SUMMARY_CHANNEL"] as const;
export const REPORT_FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const;
export const FINANCE_REPORT_TYPES = ["FINANCIAL", "FINANCE_DETAIL"] as const;

export type SalesReportType = (typeof SALES_REPORT_TYPES)[number];
export type SalesReportSubType = (typeof SALES_REPORT_SUB_TYPES)[number];
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];
export type FinanceReportType = (typeof FINANCE_REPORT_TYPES)[number];

interface Combination {
  reportType: SalesReportType;
  subTypes: SalesReportSubType[];
  frequencies: ReportFrequency[];
  versions: string[];
}

/**
 * Apple's table of allowed combinations. SALES also lists 1_1 (a file with a trailing `Contingent App Name` column
 * seen in a third-party fixture): UNCONFIRMED that the API accepts it, so Starboard sends 1_0 and parses by name.
 */
export const SALES_COMBINATIONS: readonly Combination[] = [
  { reportType: "SALES", subTypes: ["SUMMARY"], frequencies: ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"], versions: ["1_0", "1_1"] },
  { reportType: "PRE_ORDER", subTypes: ["SUMMARY"], frequencies: ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"], versions: ["1_0"] },
  { reportType: "NEWSSTAND", subTypes: ["DETAILED"], frequencies: ["DAILY", "WEEKLY"], versions: ["1_0"] },
  { reportType: "SUBSCRIPTION", subTypes: ["SUMMARY"], frequencies: ["DAILY"], versions: ["1_3"] },
  { reportType: "SUBSCRIPTION_EVENT", subTypes: ["SUMMARY"], frequencies: ["DAILY"], versions: ["1_3"] },
  { reportType: "SUBSCRIBER", subTypes: ["DETAILED"], frequencies: ["DAILY"], versions: ["1_3"] },
  { reportType: "SUBSCRIPTION_OFFER_CODE_REDEMPTION", subTypes: ["SUMMARY"], frequencies: ["DAILY"], versions: ["1_0"] },
  { reportType: "INSTALLS", subTypes: ["SUMMARY", "DETAILED"], frequencies: ["MONTHLY"], versions: ["1_2"] },
  { reportType: "INSTALLS", subTypes: ["DETAILED", "SUMMARY_CHANNEL", "SUMMARY_INSTALL_TYPE", "SUMMARY_TERRITORY"], frequencies: ["YEARLY"], versions: ["1_0", "1_1"] },
  { reportType: "FIRST_ANNUAL", subTypes: ["DETAILED"], frequencies: ["DAILY"], versions: ["1_0"] },
  { reportType: "FIRST_ANNUAL", subTypes: ["SUMMARY"], frequencies: ["YEARLY"], versions: ["1_0"] },
  { reportType: "WIN_BACK_ELIGIBILITY", subTypes: ["SUMMARY"], frequencies: ["DAILY"], versions: ["1_0"] },
];

export interface SalesReportQuery {
  vendorNumber: string;
  reportType: SalesReportType;
  reportSubType: SalesReportSubType;
  frequency: ReportFrequency;
  /** DAILY/WEEKLY YYYY-MM-DD, MONTHLY YYYY-MM, YEARLY YYYY; omitted for DAILY = the latest day Apple has. */
  reportDate?: string;
  /** Omitted = Apple's default for the combination. */
  version?: string;
}

export interface FinanceReportQuery {
  vendorNumber: string;
  reportType: FinanceReportType;
  /** e.g. ZZ (all regions, FINANCIAL), Z1 (all regions, FINANCE_DETAIL — UNCONFIRMED), US, EU, JP … */
  regionCode: string;
  /** YYYY-MM naming a fiscal month (which reading of YYYY-MM Apple uses is UNCONFIRMED: see fiscal-calendar.ts). */
  reportDate: string;
}

const DATE_FORMATS: Record<ReportFrequency, { pattern: RegExp; example: string }> = {
  DAILY: { pattern: /^\d{4}-\d{2}-\d{2}$/, example: "2026-01-31" },
  WEEKLY: { pattern: /^\d{4}-\d{2}-\d{2}$/, example: "2026-02-01" },
  MONTHLY: { pattern: /^\d{4}-\d{2}$/, example: "2026-01" },
  YEARLY: { pattern: /^\d{4}$/, example: "2025" },
};

function invalid(detail: string, hint: string): AscValidationError {
  return new AscValidationError({ status: null, code: "LOCAL.INVALID_REPORT_QUERY", detail, hint });
}

export function checkVendorNumber(vendorNumber: string): void {
  if (!/^\d{1,20}$/.test(vendorNumber)) throw invalid(`The vendor number "${vendorNumber.slice(0, 30)}" is not a number.`, "Enter the vendor number shown in App Store Connect → Payments and Financial Reports (digits only).");
}

/** The query string of GET /v1/salesReports; throws AscValidationError (status null) for a combination Apple does not offer. */
export function salesReportSearch(q: SalesReportQuery): URLSearchParams {
  checkVendorNumber(q.vendorNumber);
  const combo = SALES_COMBINATIONS.find((c) => c.reportType === q.reportType && c.subTypes.includes(q.reportSubType) && c.frequencies.includes(q.frequency));
  if (!combo) throw invalid(`Apple offers no ${q.reportType} report of sub-type ${q.reportSubType} at ${q.frequency} frequency.`, "Pick a report type, sub-type and frequency from Apple's table of allowed combinations.");
  if (q.version !== undefined && !combo.versions.includes(q.version)) {
    throw invalid(`Version ${q.version} does not exist for ${q.reportType}/${q.reportSubType}/${q.frequency}.`, `Use ${combo.versions.join(" or ")}, or leave the version out.`);
  }
  if (q.reportDate === undefined) {
    if (q.frequency !== "DAILY") throw invalid(`A ${q.frequency} report needs a report date.`, `Give the date as ${DATE_FORMATS[q.frequency].example}.`);
  } else if (!DATE_FORMATS[q.frequency].pattern.test(q.reportDate)) {
    throw invalid(`"${q.reportDate}" is not a ${q.frequency} report date.`, `Give the date as ${DATE_FORMATS[q.frequency].example}.`);
  }
  const search = new URLSearchParams({
    "filter[frequency]": q.frequency,
    "filter[reportSubType]": q.reportSubType,
    "filter[reportType]": q.reportType,
    "filter[vendorNumber]": q.vendorNumber,
  });
  if (q.reportDate !== undefined) search.set("filter[reportDate]", q.reportDate);
  if (q.version !== undefined) search.set("filter[version]", q.version);
  return search;
}

/** The query string of GET /v1/financeReports. */
export function financeReportSearch(q: FinanceReportQuery): URLSearchParams {
  checkVendorNumber(q.vendorNumber);
  if (!(FINANCE_REPORT_TYPES as readonly string[]).includes(q.reportType)) throw invalid(`"${q.reportType}" is not a finance report type.`, "Use FINANCIAL or FINANCE_DETAIL.");
  if (!/^[A-Z0-9]{2}$/.test(q.regionCode)) throw invalid(`"${q.regionCode}" is not a region code.`, "Use a code from Apple's financial report regions, e.g. ZZ for all regions.");
  if (!DATE_FORMATS.MONTHLY.pattern.test(q.reportDate)) throw invalid(`"${q.reportDate}" is not a fiscal month.`, "Give the fiscal month as YYYY-MM.");
  return new URLSearchParams({
    "filter[regionCode]": q.regionCode,
    "filter[reportDate]": q.reportDate,
    "filter[reportType]": q.reportType,
    "filter[vendorNumber]": q.vendorNumber,
  });
}

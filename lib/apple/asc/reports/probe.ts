import "server-only";
// "Test connection" for the reports: can this key read Sales and Trends and Finance for this vendor number?
// One call each; Apple's refusal is the result (status, code, detail) with a sentence saying what to change.
import { AscAgreementError, AscAuthError, AscError, AscForbiddenError, AscRateLimitError, AscTransientError } from "../errors";
import type { AscCredentials } from "../token";
import { createReportsClient, type ReportsClientConfig } from "./client";
import { fiscalMonthContaining, previousFiscalMonth, reportDateLabel } from "./fiscal-calendar";
import { latestPublishedSalesDay } from "./publication";

export type ReportAccessProblem =
  | "no_vendor_number"
  | "individual_key"
  | "missing_role"
  | "wrong_vendor_number"
  | "key_rejected"
  | "agreement"
  | "rate_limited"
  | "apple_unavailable"
  | "refused";

export interface ReportAccessCheck {
  ok: boolean;
  problem: ReportAccessProblem | null;
  /** Apple's answer (null status: no call was made, or no HTTP answer). */
  status: number | null;
  code: string | null;
  detail: string | null;
  /** What the user should do; for ok results, what the answer means. */
  hint: string;
}

export interface ReportAccessProbe {
  testedAt: string;
  /** Sales and Trends (downloads, estimated proceeds): needed for the "Downloads & revenue" data. */
  sales: ReportAccessCheck;
  /** Finance (final monthly proceeds, exchange rates): optional; without it proceeds stay estimates. */
  finance: ReportAccessCheck;
}

const HINTS: Record<ReportAccessProblem, { sales: string; finance: string }> = {
  no_vendor_number: {
    sales: "Enter the vendor number from App Store Connect → Payments and Financial Reports (digits only).",
    finance: "Enter the vendor number from App Store Connect → Payments and Financial Reports (digits only).",
  },
  individual_key: {
    sales: "Individual API keys cannot read Sales and Trends. Create a team key (Users and Access → Integrations → Team Keys) with the Sales and Reports, Finance or Admin role.",
    finance: "Individual API keys cannot read Finance reports. Use a team key with the Finance or Admin role.",
  },
  missing_role: {
    sales: "The key's role cannot read Sales and Trends. Use a team key with the Sales and Reports, Finance or Admin role (a key's role cannot be changed: create a new one).",
    finance: "The key's role cannot read Finance reports (Sales and Reports keys cannot). Proceeds stay estimates from Sales and Trends; for final monthly proceeds and exchange rates use a key with the Finance or Admin role.",
  },
  wrong_vendor_number: {
    sales: "Apple does not accept this vendor number for this key. Copy the vendor number shown in App Store Connect → Payments and Financial Reports of the same team as the key.",
    finance: "Apple does not accept this vendor number for this key. Copy the vendor number shown in App Store Connect → Payments and Financial Reports of the same team as the key.",
  },
  key_rejected: {
    sales: "App Store Connect rejected the API key. Check the issuer ID, key ID and .p8 file, that the key is not revoked, and that this server's clock is correct.",
    finance: "App Store Connect rejected the API key. Check the issuer ID, key ID and .p8 file, that the key is not revoked, and that this server's clock is correct.",
  },
  agreement: {
    sales: "The Account Holder must accept the latest agreements in App Store Connect (Business → Agreements); reports cannot be read until then.",
    finance: "The Account Holder must accept the latest agreements in App Store Connect (Business → Agreements); reports cannot be read until then.",
  },
  rate_limited: {
    sales: "The key's hourly request budget is spent. Test again later; other tools sharing this key also use the budget.",
    finance: "The key's hourly request budget is spent. Test again later.",
  },
  apple_unavailable: {
    sales: "App Store Connect did not answer properly. Test again in a few minutes.",
    finance: "App Store Connect did not answer properly. Test again in a few minutes.",
  },
  refused: {
    sales: "App Store Connect refused the request; Apple's detail says why.",
    finance: "App Store Connect refused the request; Apple's detail says why.",
  },
};

function problemOf(error: AscError, keyType: AscCredentials["keyType"]): ReportAccessProblem {
  const parameter = (error.errors[0] as { source?: { parameter?: string } } | undefined)?.source?.parameter ?? "";
  if (parameter === "filter[vendorNumber]" || /vendor/i.test(`${error.detail ?? ""} ${error.title ?? ""}`)) return "wrong_vendor_number";
  if (error instanceof AscAgreementError) return "agreement";
  if (error instanceof AscForbiddenError) return keyType === "individual" ? "individual_key" : "missing_role";
  if (error instanceof AscAuthError) return "key_rejected";
  if (error instanceof AscRateLimitError) return "rate_limited";
  if (error instanceof AscTransientError) return "apple_unavailable";
  return "refused";
}

/** For a refusal met during a sync (a team key: individual keys are refused before any call), what to do about it. */
export function reportRefusalHint(error: AscError, which: "sales" | "finance"): string {
  const problem = problemOf(error, "team");
  return problem === "wrong_vendor_number" || problem === "missing_role" || problem === "agreement" ? HINTS[problem][which] : error.hint;
}

function failed(problem: ReportAccessProblem, which: "sales" | "finance", error?: AscError): ReportAccessCheck {
  return { ok: false, problem, status: error?.status ?? null, code: error?.code ?? null, detail: error?.detail ?? error?.title ?? null, hint: HINTS[problem][which] };
}

export interface ProbeInput {
  credentials: AscCredentials;
  vendorNumber: string | null;
  client: ReportsClientConfig;
  now?: Date;
}

/** Checks report access for Test connection: one Sales call (the latest daily report) and one Finance call (FINANCIAL ZZ). */
export async function probeReportAccess(input: ProbeInput): Promise<ReportAccessProbe> {
  const now = input.now ?? new Date();
  const testedAt = now.toISOString();
  const vendorNumber = input.vendorNumber?.trim() ?? "";
  if (!/^\d{1,20}$/.test(vendorNumber)) return { testedAt, sales: failed("no_vendor_number", "sales"), finance: failed("no_vendor_number", "finance") };
  if (input.credentials.keyType === "individual") return { testedAt, sales: failed("individual_key", "sales"), finance: failed("individual_key", "finance") };
  // Test connection answers quickly: one retry, a short wait on 429.
  const client = createReportsClient(input.credentials, { maxRetries: 1, maxRateLimitWaitMs: 10_000, ...input.client });

  async function check(which: "sales" | "finance", call: () => ReturnType<typeof client.salesReport>): Promise<ReportAccessCheck> {
    try {
      const answer = await call();
      if (answer.kind === "file") {
        answer.body.destroy();
        return { ok: true, problem: null, status: 200, code: null, detail: null, hint: which === "sales" ? "Sales and Trends reports can be read." : "Finance reports can be read." };
      }
      // Apple answered about the report itself: access, role and vendor number are fine.
      const meaning = answer.kind === "no_sales" ? "Apple has no sales for that period" : answer.kind === "unavailable" ? "that period is beyond Apple's retention" : "that report is not published yet";
      return { ok: true, problem: null, status: answer.status, code: answer.code, detail: answer.detail, hint: `Access works (${meaning}).` };
    } catch (error) {
      if (!(error instanceof AscError)) throw error;
      return failed(problemOf(error, input.credentials.keyType), which, error);
    }
  }

  const sales = await check("sales", () => client.salesReport({ vendorNumber, reportType: "SALES", reportSubType: "SUMMARY", frequency: "DAILY", reportDate: latestPublishedSalesDay(now) }));
  // A key Apple rejects outright fails Finance the same way: no second call.
  if (sales.problem === "key_rejected" || sales.problem === "agreement" || sales.problem === "wrong_vendor_number") return { testedAt, sales, finance: { ...sales, hint: HINTS[sales.problem][`finance`] } };
  const month = previousFiscalMonth(fiscalMonthContaining(latestPublishedSalesDay(now)));
  const finance = await check("finance", () => client.financeReport({ vendorNumber, reportType: "FINANCIAL", regionCode: "ZZ", reportDate: reportDateLabel(month, "fiscal_period") }));
  return { testedAt, sales, finance };
}

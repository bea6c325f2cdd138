// GET /v1/salesReports and GET /v1/financeReports as App Store Connect answers them: gzip TSV files from the
// reports catalogue (model/reports), Apple's refusals by role, key type and vendor number, and the report faults.
import { gzipSync } from "node:zlib";
import { z } from "zod";
import { fiscalMonthOfLabel } from "../../../lib/apple/asc/reports/fiscal-calendar";
import { SALES_COMBINATIONS } from "../../../lib/apple/asc/reports/query";
import { addDays } from "../../../lib/apple/asc/reports/values";
import { defineFamily, type Call, type Endpoint } from "../endpoints";
import { appleError } from "../http";
import { defineFaults } from "../model/faults";
import { financeDetailFileText, financialFileText, SALES_HEADER, salesFileText } from "../model/reports/files";
import type { ReportsConfigInput } from "../model/reports/config";
import { ascProtocol, type AscContext } from "./protocol";

const both = ["asc.salesReports", "asc.financeReports"] as const;

export const reportFaults = defineFaults({
  endpoints: both,
  data: {
    /** 404 "not available yet" (Apple has not published the file). */
    not_available_yet: both,
    /** 404 "There were no sales for the date specified." */
    no_sales: both,
    /** 410: beyond Apple's retention. */
    too_old: both,
    /** The gzip body is cut in half. */
    truncated: both,
    /** One header column carries another name (`column` → `renameTo`). */
    renamed_column: both,
    /** The second data row's Units is "N/A". */
    bad_value: ["asc.salesReports"],
  },
  fields: {
    /** Only requests for this filter[reportDate] (as sent: YYYY-MM-DD for daily sales, YYYY-MM for finance). */
    date: z.string().optional(),
    column: z.string().default("Apple Identifier"),
    renameTo: z.string().default("Apple ID"),
  },
  targets: { date: both },
});

declare module "../model/faults" {
  interface SimFaultInputs {
    ascReports: z.input<typeof reportFaults.schema>;
  }
}

type ReportFault = ReturnType<typeof reportFaults.parse>;
type ReportEndpoint = Endpoint<AscContext, ReportFault>;

const NOT_YET = "The report you requested is not available yet. Try again later.";
const NO_SALES = "There were no sales for the date specified.";
const TOO_OLD = "Report is no longer available.";

function serveReport(call: Call<ReportFault>, { key }: AscContext): void {
  const { sim, url, fault } = call;
  const reports = sim.reports;
  const isSales = call.endpoint === "asc.salesReports";
  const reply = (status: number, body: unknown) => call.json(status, body);
  const sendFile = (text: string, f: ReportFault | null) => {
    let gz = gzipSync(text, { level: 1 });
    if (f?.kind === "truncated") gz = gz.subarray(0, Math.max(10, Math.floor(gz.length / 2)));
    call.bytes(200, gz, { "content-type": "application/a-gzip" });
  };
  const q = (name: string) => url.searchParams.get(`filter[${name}]`);
  const reportDate = q("reportDate");
  const { behaviours } = reports.config;
  const roles = reports.rolesOf(key.keyId);
  const forbidden = () => reply(403, appleError(403, "FORBIDDEN_ERROR", "This request is forbidden for security reasons", "The API key in use does not allow this request"));
  if (key.type === "individual") return forbidden();
  const allowed = isSales
    ? roles.some((r) => r === "ADMIN" || r === "SALES_AND_REPORTS" || (r === "FINANCE" && behaviours.financeRoleReadsSales))
    : roles.some((r) => r === "ADMIN" || r === "FINANCE");
  if (!allowed) return forbidden();

  const missing = (name: string) => reply(400, { errors: [{ id: crypto.randomUUID(), status: "400", code: "PARAMETER_ERROR.REQUIRED", title: "A required parameter is missing.", detail: `You must provide a value for the parameter 'filter[${name}]' with this request`, source: { parameter: `filter[${name}]` } }] });
  const vendorNumber = q("vendorNumber");
  if (!vendorNumber) return missing("vendorNumber");
  if (vendorNumber !== reports.config.vendorNumber) {
    const status = Number(behaviours.wrongVendorNumber);
    const code = status === 400 ? "PARAMETER_ERROR.INVALID" : status === 403 ? "FORBIDDEN_ERROR" : "NOT_FOUND";
    const detail = status === 400 ? `Invalid vendor number specified: ${vendorNumber}.` : status === 403 ? `You are not authorized to access the vendor number ${vendorNumber}.` : `There is no vendor with the number ${vendorNumber}.`;
    return reply(status, { errors: [{ id: crypto.randomUUID(), status: String(status), code, title: "The vendor number is not valid for this key.", detail, source: { parameter: "filter[vendorNumber]" } }] });
  }
  const missingReport = (status: number, detail: string) => reply(status, appleError(status, "NOT_FOUND", "The specified resource does not exist", detail));
  const combination = () => reply(400, { errors: [{ id: crypto.randomUUID(), status: "400", code: "PARAMETER_ERROR.INVALID.INVALID_COMBINATION", title: "A parameter has an invalid value", detail: "Invalid date format. The date format for DAILY and WEEKLY is YYYY-MM-DD, MONTHLY is YYYY-MM, YEARLY is YYYY.", source: { parameter: "filter[reportDate]" } }] });

  if (isSales) {
    const [type, subType, frequency, version] = [q("reportType"), q("reportSubType"), q("frequency")?.toUpperCase(), q("version")];
    if (!type) return missing("reportType");
    if (!subType) return missing("reportSubType");
    if (!frequency) return missing("frequency");
    const combo = SALES_COMBINATIONS.find((c) => c.reportType === type && (c.subTypes as string[]).includes(subType) && (c.frequencies as string[]).includes(frequency));
    const versions = combo ? combo.versions.filter((v) => v !== "1_1" || type !== "SALES" || behaviours.acceptSalesVersion11) : [];
    if (!combo || (version !== null && !versions.includes(version))) return combination();
    const formats: Record<string, RegExp> = { DAILY: /^\d{4}-\d{2}-\d{2}$/, WEEKLY: /^\d{4}-\d{2}-\d{2}$/, MONTHLY: /^\d{4}-\d{2}$/, YEARLY: /^\d{4}$/ };
    if (reportDate !== null && !formats[frequency].test(reportDate)) return combination();
    if (reportDate === null && frequency !== "DAILY") return missing("reportDate");
    if (type !== "SALES") return missingReport(404, NO_SALES);
    const latest = reports.latestDay();
    let begin: string;
    let end: string;
    if (frequency === "DAILY") begin = end = reportDate ?? latest;
    else if (frequency === "WEEKLY") [begin, end] = [addDays(reportDate!, -6), reportDate!];
    else if (frequency === "MONTHLY") [begin, end] = [`${reportDate}-01`, addDays(`${nextMonth(reportDate!)}-01`, -1)];
    else [begin, end] = [`${reportDate}-01-01`, `${reportDate}-12-31`];
    if (fault?.kind === "not_available_yet" || end > latest || reports.config.unpublishedDays.includes(begin)) return missingReport(404, NOT_YET);
    if (fault?.kind === "too_old" || begin < reports.oldestDay()) return reply(410, appleError(410, "GONE", "The requested resource is no longer available.", TOO_OLD));
    if (fault?.kind === "no_sales" || reports.config.noSalesDays.includes(begin)) return missingReport(404, NO_SALES);
    const header = SALES_HEADER.map((h) => (fault?.kind === "renamed_column" && h === fault.column ? fault.renameTo : h));
    const { text } = salesFileText(reports.catalog, reports.config, {
      begin,
      end,
      header,
      extraColumn: behaviours.salesContingentAppNameColumn || version === "1_1",
      shuffleSeed: behaviours.shuffleRows ? reports.downloads : null,
    });
    reports.downloads++;
    return sendFile(fault?.kind === "bad_value" ? spoilUnits(text) : text, fault);
  }

  const [type, region] = [q("reportType"), q("regionCode")];
  if (!type) return missing("reportType");
  if (!region) return missing("regionCode");
  if (!reportDate) return missing("reportDate");
  if (type !== "FINANCIAL" && type !== "FINANCE_DETAIL") return combination();
  const month = fiscalMonthOfLabel(reportDate, behaviours.financeReportDate);
  if (!month) return combination();
  if (fault?.kind === "not_available_yet" || addDays(month.end, 5) > reports.latestDay()) return missingReport(404, NOT_YET);
  if (fault?.kind === "too_old" || month.start < addDays(reports.oldestDay(), -31)) return reply(410, appleError(410, "GONE", "The requested resource is no longer available.", TOO_OLD));
  if (fault?.kind === "no_sales") return missingReport(404, NO_SALES);
  let text: string | null;
  if (type === "FINANCE_DETAIL") text = behaviours.financeDetailRegions.includes(region) ? financeDetailFileText(reports.catalog, reports.config, month) : null;
  else text = financialFileText(reports.catalog, reports.config, month, region);
  if (text === null) return missingReport(404, `There is no report for region ${region}.`);
  if (fault?.kind === "renamed_column") text = text.replace(fault.column, fault.renameTo);
  return sendFile(text, fault);
}

function nextMonth(yyyyMm: string): string {
  const [y, m] = yyyyMm.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** The second data row's Units become "N/A". */
function spoilUnits(text: string): string {
  const lines = text.split("\n");
  if (lines.length > 2) {
    const cells = lines[2].split("\t");
    cells[7] = "N/A";
    lines[2] = cells.join("\t");
  }
  return lines.join("\n");
}


const endpoint = (id: ReportFault["endpoint"], path: RegExp): ReportEndpoint => ({
  id,
  methods: ["GET"],
  path,
  target: (call) => ({ date: call.url.searchParams.get("filter[reportDate]") ?? undefined }),
  handle: serveReport,
});

export const reportsFamily = defineFamily({
  name: "asc.reports",
  protocol: ascProtocol,
  faults: reportFaults,
  endpoints: [endpoint("asc.salesReports", /^\/v1\/salesReports$/), endpoint("asc.financeReports", /^\/v1\/financeReports$/)],
  control: {
    "GET /reports": (sim) => sim.reports.summary(),
    /** Merges a partial reports configuration (behaviours field by field). */
    "POST /reports": (sim, { body }) => sim.reports.update((body ?? {}) as ReportsConfigInput),
  },
});

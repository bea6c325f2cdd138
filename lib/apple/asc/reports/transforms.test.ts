import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { mapHeader, ReportHeaderError, SALES_SUMMARY_COLUMNS } from "./columns";
import { FinanceRowMapper } from "./finance-rows";
import { calendarName, fiscalMonthContaining, fiscalMonthOfLabel, fiscalYearMonths, readingOf, reportDateLabel } from "./fiscal-calendar";
import { classifyMissingReport } from "./outcomes";
import { productType, salesBucket } from "./product-types";
import { latestPublishedSalesDay } from "./publication";
import { financeReportSearch, salesReportSearch } from "./query";
import { discardSink, readReport } from "./read-report";
import { SalesRowMapper } from "./sales-rows";
import { parseDecimal, parseReportDate } from "./values";
import { Writable } from "node:stream";

const SALES_HEADER = [
  "Provider", "Provider Country", "SKU", "Developer", "Title", "Version", "Product Type Identifier", "Units", "Developer Proceeds",
  "Begin Date", "End Date", "Customer Currency", "Country Code", "Currency of Proceeds", "Apple Identifier", "Customer Price",
  "Promo Code", "Parent Identifier", "Subscription", "Period", "Category", "CMB", "Device", "Supported Platforms", "Proceeds Reason",
  "Preserved Pricing", "Client", "Order Type",
];

function salesRow(values: Partial<Record<string, string>>): string[] {
  const defaults: Record<string, string> = {
    Provider: "APPLE", "Provider Country": "US", SKU: "breeze.weather", Developer: "Example GmbH", Title: "Breeze Weather", Version: "4.2.0",
    "Product Type Identifier": "1F", Units: "12", "Developer Proceeds": "0", "Begin Date": "03/30/2026", "End Date": "03/30/2026",
    "Customer Currency": "USD", "Country Code": "US", "Currency of Proceeds": "USD", "Apple Identifier": "1480000001", "Customer Price": "0",
    "Promo Code": "", "Parent Identifier": "", Subscription: "", Period: "", Category: "Weather", CMB: "", Device: "iPhone",
    "Supported Platforms": "iOS", "Proceeds Reason": "", "Preserved Pricing": "", Client: "", "Order Type": "",
  };
  return SALES_HEADER.map((h) => values[h] ?? defaults[h]);
}

function collect(): { sink: Writable; text: () => string } {
  const chunks: string[] = [];
  return { sink: new Writable({ write: (c, _e, done) => (chunks.push(String(c)), done()) }), text: () => chunks.join("") };
}

describe("product types", () => {
  it("classifies the codes of Apple's table into the dashboard buckets, any case", () => {
    expect(salesBucket("1F")).toBe("downloads");
    expect(salesBucket("1-b")).toBe("downloads");
    expect(salesBucket("3T")).toBe("redownloads");
    expect(salesBucket("F7")).toBe("updates");
    expect(salesBucket("IA1")).toBe("inAppPurchases");
    expect(salesBucket("IAY-M")).toBe("subscriptions");
    expect(productType("IA9")?.inApp).toBe(true);
    expect(productType("7")?.inApp).toBe(false);
  });
  it("puts a code it does not know under other", () => {
    expect(salesBucket("ZZ9")).toBe("other");
    expect(productType("ZZ9")).toBeNull();
  });
});

describe("values", () => {
  it("keeps decimals as exact text, never through a float", () => {
    expect(parseDecimal("0.70", "x")).toBe("0.70");
    expect(parseDecimal("-1", "x")).toBe("-1");
    expect(parseDecimal("+3", "x")).toBe("3");
    expect(parseDecimal("1,234.50", "x")).toBe("1234.50");
    expect(parseDecimal("12345678901234567.89", "x")).toBe("12345678901234567.89");
    expect(() => parseDecimal("", "Units")).toThrow(/Units is not a number/);
    expect(() => parseDecimal("N/A", "Units")).toThrow(/Units is not a number: "N\/A"/);
  });
  it("reads Apple's MM/DD/YYYY and ISO dates and refuses days that do not exist", () => {
    expect(parseReportDate("03/30/2026", "d")).toBe("2026-03-30");
    expect(parseReportDate("3/1/2026", "d")).toBe("2026-03-01");
    expect(parseReportDate("2026-03-30", "d")).toBe("2026-03-30");
    expect(() => parseReportDate("02/30/2026", "Begin Date")).toThrow(/Begin Date is not a date/);
    expect(() => parseReportDate("30.03.2026", "Begin Date")).toThrow(/not a date/);
  });
});

describe("header mapping", () => {
  it("finds columns by name in any order and case, ignoring and counting unknown ones", () => {
    const shuffled = [...SALES_HEADER].reverse().map((h) => (h === "Units" ? "UNITS" : h));
    const map = mapHeader([...shuffled, "Contingent App Name"], SALES_SUMMARY_COLUMNS);
    expect(map.index.units).toBe(shuffled.indexOf("UNITS"));
    expect(map.index.appleIdentifier).toBe(shuffled.indexOf("Apple Identifier"));
    expect(map.unknown).toEqual(["Contingent App Name"]);
  });
  it("names a missing required column", () => {
    const renamed = SALES_HEADER.map((h) => (h === "Apple Identifier" ? "Apple ID" : h));
    expect(() => mapHeader(renamed, SALES_SUMMARY_COLUMNS)).toThrow(ReportHeaderError);
    expect(() => mapHeader(renamed, SALES_SUMMARY_COLUMNS)).toThrow(/"Apple Identifier"/);
  });
});

describe("sales rows", () => {
  it("turns realistic rows into COPY lines and learns identifiers, parents and versions", async () => {
    const rows = [
      SALES_HEADER,
      salesRow({}),
      salesRow({ "Product Type Identifier": "7F", Units: "40", Version: "4.2.1", "Country Code": "DE", "Currency of Proceeds": "EUR" }),
      salesRow({ SKU: "breeze.pro.monthly", Title: 'Breeze "Pro" monthly', Version: "", "Product Type Identifier": "IAY", Units: "3", "Developer Proceeds": "2.79", "Apple Identifier": "1480000101", "Parent Identifier": "breeze.weather", "Country Code": "DE", "Currency of Proceeds": "EUR", "Customer Price": "3.99", Subscription: "Renewal", Period: "1 Month" }),
      salesRow({ "Product Type Identifier": "IA1", SKU: "breeze.tip", Units: "-1", "Developer Proceeds": "0.70", "Apple Identifier": "1480000102", "Parent Identifier": "breeze.weather", "Customer Price": "-0.99", Version: "" }),
      [""],
    ];
    const text = rows.map((r) => r.join("\t")).join("\n") + "\n";
    const mapper = new SalesRowMapper("2026-03-30");
    const out = collect();
    const result = await readReport(Readable.from([gzipSync(text)]), mapper.onRecord, out.sink);
    expect(out.text().trim().split("\n")).toEqual([
      "1480000001\tUS\t1F\tUSD\t12\t0\t1",
      "1480000001\tDE\t7F\tEUR\t40\t0\t3",
      "1480000101\tDE\tIAY\tEUR\t3\t2.79\t5",
      "1480000102\tUS\tIA1\tUSD\t-1\t0.70\t4",
    ]);
    const summary = mapper.summary();
    expect(summary.rows).toBe(4);
    expect(summary.identifiers).toContainEqual({ appleIdentifier: "1480000101", sku: "breeze.pro.monthly", title: 'Breeze "Pro" monthly', parentIdentifier: "breeze.weather", inApp: true });
    expect(summary.versions).toEqual([
      { appleIdentifier: "1480000001", version: "4.2.0" },
      { appleIdentifier: "1480000001", version: "4.2.1" },
    ]);
    expect(result.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives the same checksum to the same text, gzipped or not", async () => {
    const text = [SALES_HEADER, salesRow({})].map((r) => r.join("\t")).join("\n") + "\n";
    const a = await readReport(Readable.from([gzipSync(text)]), new SalesRowMapper("2026-03-30").onRecord, discardSink());
    const b = await readReport(Readable.from([Buffer.from(text)]), new SalesRowMapper("2026-03-30").onRecord, discardSink());
    expect(a.checksum).toBe(b.checksum);
  });

  it("counts product types it does not know and keeps their rows", async () => {
    const text = [SALES_HEADER, salesRow({ "Product Type Identifier": "XQ" })].map((r) => r.join("\t")).join("\n");
    const mapper = new SalesRowMapper("2026-03-30");
    const out = collect();
    await readReport(Readable.from([Buffer.from(text)]), mapper.onRecord, out.sink);
    expect(mapper.summary().unknownProductTypes).toEqual({ XQ: 1 });
    expect(out.text()).toContain("\tXQ\t");
  });

  it("fails a row whose number cannot be read, naming its line and value", async () => {
    const text = [SALES_HEADER, salesRow({}), salesRow({ Units: "twelve" })].map((r) => r.join("\t")).join("\n");
    await expect(readReport(Readable.from([Buffer.from(text)]), new SalesRowMapper("2026-03-30").onRecord, discardSink())).rejects.toThrow(/Line 3: Units is not a number: "twelve"/);
  });

  it("fails a row of another day", async () => {
    const text = [SALES_HEADER, salesRow({ "Begin Date": "03/29/2026" })].map((r) => r.join("\t")).join("\n");
    await expect(readReport(Readable.from([Buffer.from(text)]), new SalesRowMapper("2026-03-30").onRecord, discardSink())).rejects.toThrow(/Begin Date 2026-03-29 is not the report's day 2026-03-30/);
  });

  it("fails a truncated gzip", async () => {
    const gz = gzipSync([SALES_HEADER, salesRow({}), salesRow({})].map((r) => r.join("\t")).join("\n"));
    await expect(readReport(Readable.from([gz.subarray(0, gz.length - 12)]), new SalesRowMapper("2026-03-30").onRecord, discardSink())).rejects.toThrow(/truncated gzip/);
  });
});

describe("reading a report body", () => {
  const records = async (chunks: Buffer[]) => {
    const seen: string[][] = [];
    const read = await readReport(Readable.from(chunks), (line) => (seen.push(line.cells()), null), discardSink());
    return { seen, read };
  };

  it("splits lines at LF or CRLF and cells at tabs, keeps quotes and empty cells as they are, and counts every line", async () => {
    const { seen, read } = await records([Buffer.from('\ufeffA\tB\tC\r\n"x"\t\tMy "Best" App\n\nshort\nlast\twithout newline')]);
    expect(seen).toEqual([["A", "B", "C"], ['"x"', "", 'My "Best" App'], [""], ["short"], ["last", "without newline"]]);
    expect(read.records).toBe(5);
  });

  it("reads a character whose bytes are split between chunks, and a line split between chunks", async () => {
    const bytes = Buffer.from("Title\tCountry\nCafé ☕ 東京\tJP\n");
    for (let cut = 1; cut < bytes.length; cut++) {
      const { seen } = await records([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(seen).toEqual([["Title", "Country"], ["Café ☕ 東京", "JP"]]);
    }
  });
});

describe("finance rows", () => {
  const HEADER = ["Start Date", "End Date", "UPC", "ISRC/ISBN", "Vendor Identifier", "Quantity", "Partner Share", "Extended Partner Share", "Partner Share Currency", "Sales or Return", "Apple Identifier", "Artist/Show/Developer/Author", "Title", "Label/Studio/Network/Developer/Publisher", "Grid", "Product Type Identifier", "ISAN/Other Identifier", "Country Of Sale", "Pre-order Flag", "Promo Code", "Customer Price", "Customer Currency"];
  const row = (q: string, share: string, ext: string, cur: string, id: string, country: string) =>
    ["06/29/2025", "08/02/2025", "", "breeze.weather", "breeze.weather", q, share, ext, cur, "S", id, "Example GmbH", "Breeze", "", "", "1F", "", country, "", "", "0.99", cur];
  it("reads the rows, the fiscal month the file states, and the exchange rates after the trailer", async () => {
    const lines = [
      HEADER,
      row("10", "0.70", "7.00", "USD", "1480000001", "US"),
      row("-1", "0.60", "-0.60", "EUR", "1480000001", "DE"),
      ["Total_Rows", "2"],
      [""],
      ["Country Of Sale", "Partner Share Currency", "Quantity", "Extended Partner Share"],
      ["US", "USD", "10", "7.00"],
      [""],
      ["Region Currency", "Earned", "Exchange Rate", "Proceeds", "Bank Account Currency"],
      ["USD", "7.00", "1.000000", "7.00", "EUR"],
      ["EUR", "-0.60", "1.000000", "-0.60", "EUR"],
      ["JPY", "1200", "0.006180", "7.42", "EUR"],
    ];
    const mapper = new FinanceRowMapper();
    const out = collect();
    await readReport(Readable.from([gzipSync(lines.map((l) => l.join("\t")).join("\n"))]), mapper.onRecord, out.sink);
    expect(out.text().trim().split("\n")).toEqual(["1480000001\tUS\tUSD\t10\t7.00", "1480000001\tDE\tEUR\t-1\t-0.60"]);
    const s = mapper.summary();
    expect([s.periodStart, s.periodEnd, s.rows, s.trailerLines]).toEqual(["2025-06-29", "2025-08-02", 2, 2]);
    expect(s.rates).toContainEqual({ currency: "JPY", rate: "0.006180", payoutCurrency: "EUR" });
  });
});

describe("fiscal calendar", () => {
  it("runs 5-4-4 weeks from the Sunday after September's last Saturday", () => {
    const fy25 = fiscalYearMonths(2025);
    expect(fy25[0]).toEqual({ fiscalYear: 2025, period: 1, start: "2024-09-29", end: "2024-11-02" });
    expect(fy25[3].start).toBe("2024-12-29"); // fiscal January 2025 starts in December
    expect(fy25[9]).toEqual({ fiscalYear: 2025, period: 10, start: "2025-06-29", end: "2025-08-02" });
    expect(fy25[11].end).toBe("2025-09-27");
    expect(fiscalYearMonths(2026)[0].start).toBe("2025-09-28");
  });
  it("labels a fiscal month under both readings of YYYY-MM and tells which reading a file confirms", () => {
    const july = fiscalMonthContaining("2025-07-15");
    expect(calendarName(july)).toBe("2025-07");
    expect(reportDateLabel(july, "fiscal_period")).toBe("2025-10");
    expect(reportDateLabel(july, "calendar_month")).toBe("2025-07");
    expect(fiscalMonthOfLabel("2025-10", "fiscal_period")).toEqual(july);
    expect(fiscalMonthOfLabel("2025-07", "calendar_month")).toEqual(july);
    expect(fiscalMonthOfLabel("2024-12", "calendar_month")!.fiscalYear).toBe(2025);
    // The forum case: 2024-04 returned a file the user read as December (fiscal January 2024 starts 2023-12-31).
    expect(fiscalMonthOfLabel("2024-04", "fiscal_period")!.start).toBe("2023-12-31");
    expect(readingOf("2025-10", "2025-06-29")).toBe("fiscal_period");
    expect(readingOf("2025-07", "2025-06-29")).toBe("calendar_month");
    expect(readingOf("2025-03", "2025-06-29")).toBeNull();
  });
});

describe("publication", () => {
  it("expects yesterday's report after 8 a.m. Pacific, the day before's until then", () => {
    expect(latestPublishedSalesDay(new Date("2026-03-31T14:59:00Z"))).toBe("2026-03-29"); // 07:59 PDT
    expect(latestPublishedSalesDay(new Date("2026-03-31T15:00:00Z"))).toBe("2026-03-30"); // 08:00 PDT
    expect(latestPublishedSalesDay(new Date("2026-01-15T16:00:00Z"))).toBe("2026-01-14"); // 08:00 PST
  });
});

describe("missing reports", () => {
  it("tells a zero day, a day not published yet and a day beyond retention apart by Apple's detail", () => {
    expect(classifyMissingReport(404, "There were no sales for the date specified.")).toBe("no_sales");
    expect(classifyMissingReport(404, "The report you requested is not available yet. Try again later.")).toBe("not_available_yet");
    expect(classifyMissingReport(410, "Report is no longer available.")).toBe("unavailable");
    expect(classifyMissingReport(404, "Daily reports are only available for past 365 days")).toBe("unavailable");
    expect(classifyMissingReport(404, "Something else")).toBe("not_available_yet");
    expect(classifyMissingReport(403, "forbidden")).toBeNull();
  });
});

describe("report queries", () => {
  it("sends every filter of a valid combination", () => {
    const q = salesReportSearch({ vendorNumber: "85012345", reportType: "SALES", reportSubType: "SUMMARY", frequency: "DAILY", reportDate: "2026-03-30", version: "1_0" });
    expect(Object.fromEntries(q)).toEqual({ "filter[frequency]": "DAILY", "filter[reportSubType]": "SUMMARY", "filter[reportType]": "SALES", "filter[vendorNumber]": "85012345", "filter[reportDate]": "2026-03-30", "filter[version]": "1_0" });
    expect(Object.fromEntries(financeReportSearch({ vendorNumber: "85012345", reportType: "FINANCIAL", regionCode: "ZZ", reportDate: "2025-10" }))).toMatchObject({ "filter[regionCode]": "ZZ", "filter[reportDate]": "2025-10" });
  });
  it("refuses combinations, dates and vendor numbers Apple would refuse", () => {
    expect(() => salesReportSearch({ vendorNumber: "85012345", reportType: "SUBSCRIPTION_EVENT", reportSubType: "SUMMARY", frequency: "MONTHLY", reportDate: "2026-03" })).toThrow(/offers no SUBSCRIPTION_EVENT report/);
    expect(() => salesReportSearch({ vendorNumber: "85012345", reportType: "SALES", reportSubType: "SUMMARY", frequency: "MONTHLY", reportDate: "2026-03-01" })).toThrow(/not a MONTHLY report date/);
    expect(() => salesReportSearch({ vendorNumber: "85012345", reportType: "SALES", reportSubType: "SUMMARY", frequency: "WEEKLY" })).toThrow(/needs a report date/);
    expect(() => salesReportSearch({ vendorNumber: "8501-2345", reportType: "SALES", reportSubType: "SUMMARY", frequency: "DAILY" })).toThrow(/not a number/);
    expect(() => salesReportSearch({ vendorNumber: "85012345", reportType: "SUBSCRIPTION", reportSubType: "SUMMARY", frequency: "DAILY", version: "1_2" })).toThrow(/Version 1_2 does not exist/);
  });
});

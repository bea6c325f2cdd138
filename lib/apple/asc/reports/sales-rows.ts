// SALES / SUMMARY / DAILY rows → COPY text for the staging table, plus what the file says about identifiers
// (SKU, title, parent) and versions. Pure and stateful per file; values stay text (decimals for PostgreSQL).
import { mapHeader, SALES_SUMMARY_COLUMNS, type HeaderMap } from "./columns";
import { productType, salesBucketNumber } from "./product-types";
import { copyText, type ReportLine } from "./read-report";
import { parseCountry, parseCurrency, parseDecimal, parseReportDate, ReportValueError } from "./values";

type SalesKey = keyof typeof SALES_SUMMARY_COLUMNS.columns;

export interface SalesIdentifierInfo {
  appleIdentifier: string;
  sku: string;
  title: string;
  parentIdentifier: string;
  inApp: boolean;
}

export interface SalesFileSummary {
  /** Data rows read (the header and blank lines not counted). */
  rows: number;
  unknownColumns: string[];
  /** Product type codes the table does not know, with their row counts (stored as "other"). */
  unknownProductTypes: Record<string, number>;
  identifiers: SalesIdentifierInfo[];
  /** Versions of app rows (downloads, redownloads, updates) per Apple Identifier. */
  versions: { appleIdentifier: string; version: string }[];
}

/**
 * A copy of a cell that does not hold on to the chunk of text it was cut from: V8 keeps a longer substring as a view
 * of its source, so the few cells kept for the whole file (an identifier's title…) kept most of the file's text alive
 * until its end, through the young generation's collections into the old one.
 */
const own = (cell: string): string => (cell.length < 13 ? cell : Buffer.from(cell, "utf8").toString("utf8"));

export class SalesRowMapper {
  private header: HeaderMap<SalesKey> | null = null;
  private rows = 0;
  private line = 0;
  private readonly identifiers = new Map<string, SalesIdentifierInfo>();
  private readonly versions = new Map<string, Set<string>>();
  private readonly unknownTypes = new Map<string, number>();
  /** Every row of a daily file has the same Begin Date: read it once. */
  private lastDate: { raw: string; iso: string } | null = null;

  /** `reportDate`: the day requested (YYYY-MM-DD); every row's Begin Date must be it. */
  constructor(private readonly reportDate: string) {}

  readonly onRecord = (record: ReportLine): string | null => {
    this.line++;
    if (record.blank) return null;
    if (!this.header) {
      this.header = mapHeader(record.cells(), SALES_SUMMARY_COLUMNS);
      return null;
    }
    const at = this.header.index;
    const cell = (i: number) => record.cell(i);
    try {
      const appleIdentifier = cell(at.appleIdentifier).trim();
      if (!appleIdentifier) throw new ReportValueError("Apple Identifier is empty");
      const code = cell(at.productType).trim().toUpperCase();
      if (!code) throw new ReportValueError("Product Type Identifier is empty");
      const units = parseDecimal(cell(at.units), "Units");
      const proceeds = parseDecimal(cell(at.developerProceeds), "Developer Proceeds");
      const rawDate = cell(at.beginDate);
      const day = this.lastDate?.raw === rawDate ? this.lastDate.iso : parseReportDate(rawDate, "Begin Date");
      this.lastDate = { raw: rawDate, iso: day };
      if (day !== this.reportDate) throw new ReportValueError(`Begin Date ${day} is not the report's day ${this.reportDate}`);
      const country = parseCountry(cell(at.countryCode), "Country Code");
      const currency = parseCurrency(cell(at.proceedsCurrency), "Currency of Proceeds");
      const type = productType(code);
      if (!type) this.unknownTypes.set(code, (this.unknownTypes.get(code) ?? 0) + 1);
      const inApp = type?.inApp ?? false;
      if (!this.identifiers.has(appleIdentifier)) {
        this.identifiers.set(appleIdentifier, { appleIdentifier: own(appleIdentifier), sku: own(cell(at.sku).trim()), title: own(cell(at.title).trim()), parentIdentifier: own(cell(at.parentIdentifier).trim()), inApp });
      }
      const version = cell(at.version).trim();
      if (version && !inApp && type) {
        let set = this.versions.get(appleIdentifier);
        if (!set) this.versions.set(appleIdentifier, (set = new Set()));
        set.add(own(version));
      }
      this.rows++;
      return `${copyText(appleIdentifier)}\t${country}\t${copyText(code)}\t${currency}\t${units}\t${proceeds}\t${salesBucketNumber(type)}\n`;
    } catch (error) {
      if (error instanceof ReportValueError) throw new ReportValueError(`Line ${this.line}: ${error.message}.`);
      throw error;
    }
  };

  summary(): SalesFileSummary {
    return {
      rows: this.rows,
      unknownColumns: this.header?.unknown ?? [],
      unknownProductTypes: Object.fromEntries(this.unknownTypes),
      identifiers: [...this.identifiers.values()],
      versions: [...this.versions].flatMap(([appleIdentifier, set]) => [...set].map((version) => ({ appleIdentifier, version }))),
    };
  }

  /** A file with no header at all (empty body) is not a report. */
  get sawHeader(): boolean {
    return this.header !== null;
  }
}

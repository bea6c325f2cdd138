// FINANCIAL rows → COPY text for the staging table; the fiscal month as the file states it; and the exchange-rate
// block after the rows (UNCONFIRMED layout, see columns.ts). Trailer lines (Total_Rows, per-country totals) end
// the data and are skipped.
import { EXCHANGE_RATE_COLUMNS, FINANCIAL_COLUMNS, isExchangeRateHeader, mapHeader, type HeaderMap } from "./columns";
import { copyText, type ReportLine } from "./read-report";
import { parseCountry, parseCurrency, parseDecimal, parseReportDate, ReportValueError } from "./values";

type FinanceKey = keyof typeof FINANCIAL_COLUMNS.columns;
type RateKey = keyof typeof EXCHANGE_RATE_COLUMNS.columns;

export interface ExchangeRate {
  currency: string;
  /** 1 unit of `currency` = `rate` units of `payoutCurrency` (decimal text). */
  rate: string;
  payoutCurrency: string;
}

export interface FinanceFileSummary {
  rows: number;
  periodStart: string | null;
  periodEnd: string | null;
  unknownColumns: string[];
  rates: ExchangeRate[];
  /** Lines after the data that are neither rates nor blank (totals blocks). */
  trailerLines: number;
}

export class FinanceRowMapper {
  private mode: "header" | "data" | "trailer" | "rates" = "header";
  private header: HeaderMap<FinanceKey> | null = null;
  private rateHeader: HeaderMap<RateKey> | null = null;
  private rows = 0;
  private line = 0;
  private trailerLines = 0;
  private periodStart: string | null = null;
  private periodEnd: string | null = null;
  private readonly rates = new Map<string, ExchangeRate>();

  readonly onRecord = (line: ReportLine): string | null => {
    this.line++;
    // Finance files are small (a month's rows once): their cells are read as a list.
    const record = line.cells();
    const blank = line.blank;
    if (this.mode === "header") {
      if (blank) return null;
      this.header = mapHeader(record, FINANCIAL_COLUMNS);
      this.mode = "data";
      return null;
    }
    if (isExchangeRateHeader(record)) {
      this.rateHeader = mapHeader(record, EXCHANGE_RATE_COLUMNS);
      this.mode = "rates";
      return null;
    }
    if (this.mode === "data" && (blank || /^total_rows$/i.test((record[0] ?? "").trim()))) {
      this.mode = "trailer";
      return null;
    }
    if (blank) {
      if (this.mode === "rates") this.mode = "trailer";
      return null;
    }
    try {
      if (this.mode === "rates") {
        const at = this.rateHeader!.index;
        const currency = parseCurrency(record[at.currency] ?? "", "Currency");
        const rate = parseDecimal(record[at.rate] ?? "", "Exchange Rate");
        const payoutCurrency = parseCurrency(record[at.payoutCurrency] ?? "", "Bank Account Currency");
        this.rates.set(currency, { currency, rate, payoutCurrency });
        return null;
      }
      if (this.mode === "trailer") {
        this.trailerLines++;
        return null;
      }
      const at = this.header!.index;
      const start = parseReportDate(record[at.startDate] ?? "", "Start Date");
      const end = parseReportDate(record[at.endDate] ?? "", "End Date");
      if (this.periodStart === null) [this.periodStart, this.periodEnd] = [start, end];
      else if (start !== this.periodStart || end !== this.periodEnd) throw new ReportValueError(`the period ${start}–${end} differs from the file's ${this.periodStart}–${this.periodEnd}`);
      const appleIdentifier = (record[at.appleIdentifier] ?? "").trim();
      if (!appleIdentifier) throw new ReportValueError("Apple Identifier is empty");
      const quantity = parseDecimal(record[at.quantity] ?? "", "Quantity");
      const proceeds = parseDecimal(record[at.extendedPartnerShare] ?? "", "Extended Partner Share");
      const currency = parseCurrency(record[at.currency] ?? "", "Partner Share Currency");
      const country = parseCountry(record[at.countryOfSale] ?? "", "Country Of Sale");
      this.rows++;
      return `${copyText(appleIdentifier)}\t${country}\t${currency}\t${quantity}\t${proceeds}\n`;
    } catch (error) {
      if (error instanceof ReportValueError) throw new ReportValueError(`Line ${this.line}: ${error.message}.`);
      throw error;
    }
  };

  summary(): FinanceFileSummary {
    return {
      rows: this.rows,
      periodStart: this.periodStart,
      periodEnd: this.periodEnd,
      unknownColumns: this.header?.unknown ?? [],
      rates: [...this.rates.values()],
      trailerLines: this.trailerLines,
    };
  }
}

// Report file text: SALES/SUMMARY (28 columns as commonly observed, apple-reports.md §3.3), FINANCIAL and
// FINANCE_DETAIL (§4.4), deterministic per (seed, day).
import { addDays } from "../../../../lib/apple/asc/reports/values";
import type { FiscalMonth } from "../../../../lib/apple/asc/reports/fiscal-calendar";
import { dayNumber, EUR_VALUE, FINANCE_REGIONS, mix, money, unitsOn, versionOn, type Catalog } from "./catalog";
import type { ReportsConfig } from "./config";

export const SALES_HEADER = [
  "Provider", "Provider Country", "SKU", "Developer", "Title", "Version", "Product Type Identifier", "Units", "Developer Proceeds",
  "Begin Date", "End Date", "Customer Currency", "Country Code", "Currency of Proceeds", "Apple Identifier", "Customer Price",
  "Promo Code", "Parent Identifier", "Subscription", "Period", "Category", "CMB", "Device", "Supported Platforms", "Proceeds Reason",
  "Preserved Pricing", "Client", "Order Type",
];

export const FINANCIAL_HEADER = [
  "Start Date", "End Date", "UPC", "ISRC/ISBN", "Vendor Identifier", "Quantity", "Partner Share", "Extended Partner Share",
  "Partner Share Currency", "Sales or Return", "Apple Identifier", "Artist/Show/Developer/Author", "Title",
  "Label/Studio/Network/Developer/Publisher", "Grid", "Product Type Identifier", "ISAN/Other Identifier", "Country Of Sale",
  "Pre-order Flag", "Promo Code", "Customer Price", "Customer Currency",
];

export const FINANCE_DETAIL_HEADER = [
  "Transaction Date", "Settlement Date", "Apple Identifier", "SKU", "Title", "Developer Name", "Product Type Identifier", "Country of Sale",
  "Quantity", "Partner Share", "Extended Partner Share", "Partner Share Currency", "Customer Price", "Customer Currency", "Sale or Return",
  "Promo Code", "Order Type", "Region",
];

/** MM/DD/YYYY, as Apple writes report dates. */
export const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

export interface SalesFileOptions {
  /** First and last day the file covers (the same day for DAILY). */
  begin: string;
  end: string;
  header: string[];
  extraColumn: boolean;
  /** Permute rows with this seed (same content, another byte order); null keeps the catalogue order. */
  shuffleSeed: number | null;
}

/** The rows of one day's (or one period's) SALES/SUMMARY file. */
export function salesFileText(catalog: Catalog, config: ReportsConfig, o: SalesFileOptions): { text: string; rows: number } {
  const day = dayNumber(o.begin);
  const begin = usDate(o.begin);
  const end = usDate(o.end);
  const versions = catalog.apps.map((app, i) => versionOn(app, i, day));
  const lines: string[] = [];
  const { slots } = catalog;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    const units = unitsOn(slot, i, day, config.seed);
    if (units === 0) continue;
    const inApp = slot.kind === "iap" || slot.kind === "refund";
    const proceeds = slot.kind === "download" || inApp ? money(slot.proceedsMinor, slot.decimals) : "0";
    lines.push(`${slot.head}\t${inApp ? "" : versions[slot.app]}\t${slot.productType}\t${units}\t${proceeds}\t${begin}\t${end}\t${slot.tail}${o.extraColumn ? `\t${inApp ? "" : catalog.apps[slot.app].title}` : ""}`);
  }
  if (o.shuffleSeed !== null) {
    const seed = o.shuffleSeed;
    const keyed = lines.map((line, i) => ({ line, k: mix(seed, day, i) }));
    keyed.sort((a, b) => a.k - b.k);
    lines.splice(0, lines.length, ...keyed.map((x) => x.line));
  }
  const header = o.extraColumn ? [...o.header, "Contingent App Name"] : o.header;
  return { text: `${header.join("\t")}\n${lines.join("\n")}${lines.length ? "\n" : ""}`, rows: lines.length };
}

interface FinanceLine {
  slot: number;
  quantity: number;
}

/** Quantities per slot with proceeds over the month's published days (sales and returns apart). */
function financeQuantities(catalog: Catalog, config: ReportsConfig, month: FiscalMonth, regionCurrency: string | null): FinanceLine[] {
  const totals = new Map<number, number>();
  for (let d = month.start; d <= month.end; d = addDays(d, 1)) {
    const day = dayNumber(d);
    catalog.slots.forEach((slot, i) => {
      if (slot.proceedsMinor === 0 || (slot.kind !== "download" && slot.kind !== "iap" && slot.kind !== "refund")) return;
      if (regionCurrency && slot.currency !== regionCurrency) return;
      const units = unitsOn(slot, i, day, config.seed);
      if (units !== 0) totals.set(i, (totals.get(i) ?? 0) + units);
    });
  }
  return [...totals].map(([slot, quantity]) => ({ slot, quantity }));
}

export function exchangeRate(currency: string, payout: string, month: FiscalMonth): string {
  const drift = 1 + ((month.period % 5) - 2) / 200;
  return ((EUR_VALUE[currency] ?? 1) / (EUR_VALUE[payout] ?? 1) * drift).toFixed(6);
}

export function financialFileText(catalog: Catalog, config: ReportsConfig, month: FiscalMonth, region: string): string | null {
  if (!(region in FINANCE_REGIONS)) return null;
  const regionCurrency = FINANCE_REGIONS[region] ?? null;
  const lines = financeQuantities(catalog, config, month, regionCurrency);
  const start = usDate(month.start);
  const end = usDate(month.end);
  const rows = lines.map(({ slot: i, quantity }) => {
    const s = catalog.slots[i];
    const ext = money(s.proceedsMinor * quantity, s.decimals);
    return [start, end, "", s.sku, s.sku, String(quantity), money(s.proceedsMinor, s.decimals), ext, s.currency, s.kind === "refund" ? "R" : "S", s.appleId, "Example Developer", s.title, "", "", s.productType, "", s.country, "", "", money(s.priceMinor, s.decimals), s.currency].join("\t");
  });
  const byCountry = new Map<string, { currency: string; quantity: number; minor: number; decimals: number }>();
  const byCurrency = new Map<string, { minor: number; decimals: number }>();
  for (const { slot: i, quantity } of lines) {
    const s = catalog.slots[i];
    const key = `${s.country}\t${s.currency}`;
    const c = byCountry.get(key) ?? { currency: s.currency, quantity: 0, minor: 0, decimals: s.decimals };
    c.quantity += quantity;
    c.minor += s.proceedsMinor * quantity;
    byCountry.set(key, c);
    const cur = byCurrency.get(s.currency) ?? { minor: 0, decimals: s.decimals };
    cur.minor += s.proceedsMinor * quantity;
    byCurrency.set(s.currency, cur);
  }
  const parts = [FINANCIAL_HEADER.join("\t"), ...rows, `Total_Rows\t${rows.length}`, "", "Country Of Sale\tPartner Share Currency\tQuantity\tExtended Partner Share"];
  for (const [key, c] of byCountry) parts.push(`${key}\t${c.quantity}\t${money(c.minor, c.decimals)}`);
  if (config.behaviours.financeExchangeRates && region === "ZZ") {
    parts.push("", "Region Currency\tEarned\tExchange Rate\tProceeds\tBank Account Currency");
    for (const [currency, c] of byCurrency) {
      const rate = exchangeRate(currency, config.payoutCurrency, month);
      parts.push(`${currency}\t${money(c.minor, c.decimals)}\t${rate}\t${((c.minor / 10 ** c.decimals) * Number(rate)).toFixed(2)}\t${config.payoutCurrency}`);
    }
  }
  return `${parts.join("\n")}\n`;
}

export function financeDetailFileText(catalog: Catalog, config: ReportsConfig, month: FiscalMonth): string {
  const parts = [`Vendor Name\tExample Developer`, `Start Date\t${usDate(month.start)}`, `End Date\t${usDate(month.end)}`, "", FINANCE_DETAIL_HEADER.join("\t")];
  let total = 0;
  for (let d = month.start; d <= month.end; d = addDays(d, 1)) {
    const day = dayNumber(d);
    catalog.slots.forEach((s, i) => {
      if (s.proceedsMinor === 0) return;
      const units = unitsOn(s, i, day, config.seed);
      if (units === 0) return;
      total++;
      parts.push([usDate(d), usDate(month.end), s.appleId, s.sku, s.title, "Example Developer", s.productType, s.country, String(units), money(s.proceedsMinor, s.decimals), money(s.proceedsMinor * units, s.decimals), s.currency, money(s.priceMinor, s.decimals), s.currency, units < 0 ? "R" : "S", "", "", s.currency === "USD" ? "Americas" : "Rest of World"].join("\t"));
    });
  }
  parts.push(`Total_Rows\t${total}`);
  return `${parts.join("\n")}\n`;
}

// Report columns found by name (case-insensitive, trimmed), wherever they stand. Columns Starboard does not know
// are ignored and counted; a missing required column is an error that names it.

export interface ColumnSpec<K extends string> {
  /** key → accepted header names (first one is how the error names it). */
  columns: Record<K, { names: readonly string[]; required: boolean }>;
  /** Columns Apple sends that Starboard reads nothing from (not counted as unknown). */
  known: readonly string[];
}

export class ReportHeaderError extends Error {
  override readonly name = "ReportHeaderError";
  constructor(readonly missing: string[]) {
    super(`The report's header has no ${missing.map((m) => `"${m}"`).join(", ")} column${missing.length === 1 ? "" : "s"}; Apple may have renamed ${missing.length === 1 ? "it" : "them"}.`);
  }
}

export interface HeaderMap<K extends string> {
  /** Column index per key; -1 for an optional column the file does not have. */
  index: Record<K, number>;
  /** Header names not in the spec, as written. */
  unknown: string[];
}

const norm = (s: string) => s.trim().replace(/^\uFEFF/, "").toLowerCase().replace(/\s+/g, " ");

export function mapHeader<K extends string>(header: readonly string[], spec: ColumnSpec<K>): HeaderMap<K> {
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    const n = norm(name);
    if (n && !positions.has(n)) positions.set(n, i);
  });
  const index = {} as Record<K, number>;
  const missing: string[] = [];
  const used = new Set<string>();
  for (const [key, col] of Object.entries(spec.columns) as [K, { names: readonly string[]; required: boolean }][]) {
    const found = col.names.map(norm).find((n) => positions.has(n));
    index[key] = found === undefined ? -1 : positions.get(found)!;
    if (found !== undefined) used.add(found);
    else if (col.required) missing.push(col.names[0]);
  }
  if (missing.length > 0) throw new ReportHeaderError(missing);
  const known = new Set(spec.known.map(norm));
  const unknown = header.filter((name) => {
    const n = norm(name);
    return n !== "" && !used.has(n) && !known.has(n);
  });
  return { index, unknown };
}

/** SALES / SUMMARY (apple-reports.md §3.3): the columns the facts are built from. */
export const SALES_SUMMARY_COLUMNS = {
  columns: {
    sku: { names: ["SKU"], required: true },
    title: { names: ["Title"], required: false },
    version: { names: ["Version"], required: false },
    productType: { names: ["Product Type Identifier"], required: true },
    units: { names: ["Units"], required: true },
    developerProceeds: { names: ["Developer Proceeds"], required: true },
    beginDate: { names: ["Begin Date"], required: true },
    countryCode: { names: ["Country Code"], required: true },
    proceedsCurrency: { names: ["Currency of Proceeds"], required: true },
    appleIdentifier: { names: ["Apple Identifier"], required: true },
    parentIdentifier: { names: ["Parent Identifier"], required: false },
  },
  known: [
    "Provider", "Provider Country", "Developer", "End Date", "Customer Currency", "Customer Price", "Promo Code", "Subscription",
    "Period", "Category", "CMB", "Device", "Supported Platforms", "Proceeds Reason", "Preserved Pricing", "Client", "Order Type",
  ],
} as const satisfies ColumnSpec<string>;

/** FINANCIAL (apple-reports.md §4.4). */
export const FINANCIAL_COLUMNS = {
  columns: {
    startDate: { names: ["Start Date"], required: true },
    endDate: { names: ["End Date"], required: true },
    quantity: { names: ["Quantity"], required: true },
    extendedPartnerShare: { names: ["Extended Partner Share"], required: true },
    currency: { names: ["Partner Share Currency"], required: true },
    appleIdentifier: { names: ["Apple Identifier"], required: true },
    countryOfSale: { names: ["Country Of Sale", "Country of Sale"], required: true },
  },
  known: [
    "UPC", "ISRC/ISBN", "Vendor Identifier", "Partner Share", "Sales or Return", "Artist/Show/Developer/Author", "Title",
    "Label/Studio/Network/Developer/Publisher", "Grid", "Product Type Identifier", "ISAN/Other Identifier", "Pre-order Flag",
    "Promo Code", "Customer Price", "Customer Currency",
  ],
} as const satisfies ColumnSpec<string>;

/**
 * The exchange-rate block after a FINANCIAL ZZ file's rows (UNCONFIRMED layout: modelled on the Payments page's
 * summary — a currency, its rate and the bank account currency). Recognised by its header, wherever it stands.
 */
export const EXCHANGE_RATE_COLUMNS = {
  columns: {
    currency: { names: ["Region Currency", "Partner Share Currency", "Currency"], required: true },
    rate: { names: ["Exchange Rate"], required: true },
    payoutCurrency: { names: ["Bank Account Currency", "Payment Currency"], required: true },
  },
  known: ["Country or Region", "Units", "Earned", "Pre-Tax Subtotal", "Input Tax", "Adjustments", "Withholding Tax", "Total Owed", "Proceeds"],
} as const satisfies ColumnSpec<string>;

export function isExchangeRateHeader(record: readonly string[]): boolean {
  const names = new Set(record.map(norm));
  return names.has("exchange rate") && (names.has("bank account currency") || names.has("payment currency"));
}

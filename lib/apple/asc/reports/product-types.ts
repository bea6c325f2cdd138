// Product Type Identifier → dashboard bucket. Source: Apple's "Product type identifiers" help page as transcribed
// by third-party clients (apple-reports.md §3.4: UNCONFIRMED in detail; Apple's partner FAQ confirms 1 = app
// download and 7 = update). Matching is case-insensitive. A code not in this table is counted as "other" and
// reported in the run's counters, never dropped.

export const SALES_BUCKETS = ["downloads", "redownloads", "updates", "inAppPurchases", "subscriptions", "other"] as const;
export type SalesBucket = (typeof SALES_BUCKETS)[number];

export interface ProductType {
  code: string;
  bucket: Exclude<SalesBucket, "other">;
  /** Rows of this type belong to an app through their Parent Identifier (the parent app's SKU). */
  inApp: boolean;
  meaning: string;
}

export const PRODUCT_TYPES: readonly ProductType[] = [
  { code: "1", bucket: "downloads", inApp: false, meaning: "Free or paid app, iPhone and iPod touch (iOS)" },
  { code: "1F", bucket: "downloads", inApp: false, meaning: "Free or paid app, Universal (iOS)" },
  { code: "1T", bucket: "downloads", inApp: false, meaning: "Free or paid app, iPad (iOS)" },
  { code: "1E", bucket: "downloads", inApp: false, meaning: "Paid app, custom iPhone and iPod touch" },
  { code: "1EP", bucket: "downloads", inApp: false, meaning: "Paid app, custom iPad" },
  { code: "1EU", bucket: "downloads", inApp: false, meaning: "Paid app, custom Universal" },
  { code: "1-B", bucket: "downloads", inApp: false, meaning: "App bundle" },
  { code: "F1", bucket: "downloads", inApp: false, meaning: "Free or paid app, Mac" },
  { code: "3", bucket: "redownloads", inApp: false, meaning: "Redownload, iPhone-only or iOS and tvOS" },
  { code: "3F", bucket: "redownloads", inApp: false, meaning: "Redownload, Universal (excluding tvOS)" },
  { code: "3T", bucket: "redownloads", inApp: false, meaning: "Redownload, iPad-only" },
  { code: "F3", bucket: "redownloads", inApp: false, meaning: "Redownload, Mac" },
  { code: "7", bucket: "updates", inApp: false, meaning: "Update, iPhone and iPod touch" },
  { code: "7F", bucket: "updates", inApp: false, meaning: "Update, Universal" },
  { code: "7T", bucket: "updates", inApp: false, meaning: "Update, iPad" },
  { code: "F7", bucket: "updates", inApp: false, meaning: "Update, Mac" },
  { code: "IA1", bucket: "inAppPurchases", inApp: true, meaning: "In-App Purchase (iOS)" },
  { code: "IA1-M", bucket: "inAppPurchases", inApp: true, meaning: "In-App Purchase (Mac)" },
  { code: "IA9", bucket: "inAppPurchases", inApp: true, meaning: "Non-renewing subscription (iOS)" },
  { code: "IA9-M", bucket: "inAppPurchases", inApp: true, meaning: "Non-renewing subscription (Mac)" },
  { code: "IAC", bucket: "inAppPurchases", inApp: true, meaning: "Free subscription (iOS)" },
  { code: "IAC-M", bucket: "inAppPurchases", inApp: true, meaning: "Free subscription (Mac)" },
  { code: "FI1", bucket: "inAppPurchases", inApp: true, meaning: "In-App Purchase (Mac)" },
  { code: "IAY", bucket: "subscriptions", inApp: true, meaning: "Auto-renewable subscription (iOS)" },
  { code: "IAY-M", bucket: "subscriptions", inApp: true, meaning: "Auto-renewable subscription (Mac)" },
];

const BY_CODE = new Map(PRODUCT_TYPES.map((t) => [t.code, t]));

/** The product type of a code as written in a report (trimmed, any case); null when the table does not know it. */
export function productType(code: string): ProductType | null {
  return BY_CODE.get(code.trim().toUpperCase()) ?? null;
}

export function salesBucket(code: string): SalesBucket {
  return productType(code)?.bucket ?? "other";
}

/** A product type's bucket as a number, 1 (downloads) … 6 (other) in SALES_BUCKETS order: what the staged rows carry. */
export function salesBucketNumber(type: ProductType | null): number {
  return SALES_BUCKETS.indexOf(type?.bucket ?? "other") + 1;
}

/**
 * Codes per bucket, for SQL (`product_type = ANY(...)`): the facts keep the code as Apple wrote it (upper-cased),
 * so a reclassification needs no re-import.
 */
export function codesOf(bucket: Exclude<SalesBucket, "other">): string[] {
  return PRODUCT_TYPES.filter((t) => t.bucket === bucket).map((t) => t.code);
}

export const IN_APP_CODES: readonly string[] = PRODUCT_TYPES.filter((t) => t.inApp).map((t) => t.code);

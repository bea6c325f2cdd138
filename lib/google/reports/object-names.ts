// Play Console report object names in the reports bucket (consistent across clients; Google's help shows the folders).

/** reviews/reviews_<package>_<YYYYMM>.csv */
export const reviewsExportPrefix = (packageName: string) => `reviews/reviews_${packageName}_`;
/** stats/ratings/ratings_<package>_<YYYYMM>_<dimension>.csv */
export const ratingsExportPrefix = (packageName: string) => `stats/ratings/ratings_${packageName}_`;

export interface ReportFileName {
  /** YYYYMM */
  month: string;
  /** Ratings files: overview, country, …; null for the reviews file. */
  dimension: string | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The month (and dimension) of one of the package's report files; null for anything else under the prefix. */
export function parseReportObjectName(name: string, packageName: string): ReportFileName | null {
  const reviews = new RegExp(`^reviews/reviews_${escape(packageName)}_(\\d{6})\\.csv$`).exec(name);
  if (reviews) return { month: reviews[1], dimension: null };
  const ratings = new RegExp(`^stats/ratings/ratings_${escape(packageName)}_(\\d{6})_([a-z_]+)\\.csv$`).exec(name);
  if (ratings) return { month: ratings[1], dimension: ratings[2] };
  return null;
}

/** "gs://pubsite_prod_rev_0123/reviews" or "pubsite_prod_rev_0123" → "pubsite_prod_rev_0123"; null when not a bucket name. */
export function bucketFromUri(input: string): string | null {
  const trimmed = input.trim().replace(/^gs:\/\//i, "").replace(/^https:\/\/(storage\.cloud\.google\.com|console\.cloud\.google\.com\/storage\/browser)\//i, "");
  const bucket = trimmed.split("/")[0] ?? "";
  // Cloud Storage bucket names: 3–63 lowercase letters, digits, dashes, underscores and dots, starting and ending alphanumeric.
  return /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/.test(bucket) ? bucket : null;
}

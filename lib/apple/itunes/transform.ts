// Pure: iTunes Lookup payload → domain objects, and the per-app outcome of a lookup.
import { rawLookupResponseSchema, rawLookupResultSchema, type RawLookupResult } from "./schema";

export interface ItunesApp {
  trackId: number;
  bundleId: string;
  trackName: string;
  version: string | null;
  /** Rounded to 2 decimals; null when the storefront has no ratings. */
  averageRating: number | null;
  ratingCount: number;
  currentVersionAverageRating: number | null;
  currentVersionRatingCount: number;
  /** ISO 8601, as Apple sends it. */
  currentVersionReleaseDate: string | null;
  artworkUrl: string | null;
  trackViewUrl: string | null;
  /**
   * Rating fields Apple sent that are not numbers (e.g. "averageUserRating": "N/A"). Their value above is
   * null/0 and means nothing: whoever stores them keeps the previous figures instead.
   */
  malformed: MalformedRatingField[];
}

export type MalformedRatingField = "averageRating" | "ratingCount" | "currentVersionAverageRating" | "currentVersionRatingCount";

/**
 * found: in the results with ratings (or with rating fields that could not be read: present, figures unknown);
 * no_ratings: in the results without ratings; not_sold: absent from the answer; unreadable: absent, but the
 * answer had a result whose id could not be read — it may have been this app, so absence proves nothing.
 */
export type LookupOutcome =
  | { kind: "found"; app: ItunesApp }
  | { kind: "no_ratings"; app: ItunesApp }
  | { kind: "not_sold" }
  | { kind: "unreadable" };

export function roundRating(value: number | undefined | null): number | null {
  if (value === undefined || value === null || !Number.isFinite(value)) return null;
  return Math.round(value * 100) / 100;
}

function count(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

const isBadAverage = (v: number | undefined) => v !== undefined && !(Number.isFinite(v) && v >= 0 && v <= 5);
const isBadCount = (v: number | undefined) => v !== undefined && !(Number.isFinite(v) && v >= 0);

/** A zero count means "no ratings here" even if Apple still sends an average (it sometimes sends 0). */
function average(avg: number | undefined, n: number): number | null {
  if (n === 0) return null;
  const rounded = roundRating(avg);
  return rounded !== null && rounded > 0 ? rounded : null;
}

export function toItunesApp(raw: RawLookupResult): ItunesApp {
  const ratingCount = count(raw.userRatingCount);
  const currentVersionRatingCount = count(raw.userRatingCountForCurrentVersion);
  const malformed: MalformedRatingField[] = [];
  if (isBadAverage(raw.averageUserRating)) malformed.push("averageRating");
  if (isBadCount(raw.userRatingCount)) malformed.push("ratingCount");
  if (isBadAverage(raw.averageUserRatingForCurrentVersion)) malformed.push("currentVersionAverageRating");
  if (isBadCount(raw.userRatingCountForCurrentVersion)) malformed.push("currentVersionRatingCount");
  return {
    trackId: raw.trackId,
    bundleId: raw.bundleId,
    trackName: raw.trackName,
    version: raw.version ?? null,
    // An unreadable count is unknown, not zero: it does not void the average next to it.
    averageRating: average(raw.averageUserRating, malformed.includes("ratingCount") ? 1 : ratingCount),
    ratingCount,
    currentVersionAverageRating: average(raw.averageUserRatingForCurrentVersion, malformed.includes("currentVersionRatingCount") ? 1 : currentVersionRatingCount),
    currentVersionRatingCount,
    currentVersionReleaseDate: raw.currentVersionReleaseDate ?? null,
    artworkUrl: raw.artworkUrl512 ?? raw.artworkUrl100 ?? raw.artworkUrl60 ?? null,
    trackViewUrl: raw.trackViewUrl ?? null,
    malformed,
  };
}

export interface ParsedLookup {
  apps: ItunesApp[];
  /** Rows that were not usable apps (other wrapper types, missing ids). */
  skipped: number;
  /** Of those, software rows whose trackId or bundleId could not be read: some app was there, but which? */
  unreadable: number;
}

/** Throws a zod error only when the envelope itself is wrong; odd rows are skipped. */
export function parseLookupResponse(json: unknown): ParsedLookup {
  const envelope = rawLookupResponseSchema.parse(json);
  const apps: ItunesApp[] = [];
  let skipped = 0;
  let unreadable = 0;
  for (const row of envelope.results) {
    const parsed = rawLookupResultSchema.safeParse(row);
    const wrapperType = (row as { wrapperType?: unknown } | null)?.wrapperType;
    if (!parsed.success || (parsed.data.wrapperType && parsed.data.wrapperType !== "software")) {
      skipped++;
      if (!parsed.success && (wrapperType === undefined || wrapperType === "software")) unreadable++;
      continue;
    }
    apps.push(toItunesApp(parsed.data));
  }
  return { apps, skipped, unreadable };
}

export function hasRatings(app: ItunesApp): boolean {
  return app.ratingCount > 0 && app.averageRating !== null;
}

/** Present with ratings, or present with rating fields that could not be read (unless a readable count says none). */
function presentWithRatings(app: ItunesApp): boolean {
  if (app.malformed.includes("ratingCount")) return true;
  if (app.ratingCount === 0) return false;
  return app.averageRating !== null || app.malformed.includes("averageRating");
}

export type LookupKeys = { ids: readonly (number | string)[] } | { bundleIds: readonly string[] };

/**
 * Per requested key (String(trackId) or the bundle id as requested): found, no_ratings, not_sold or unreadable.
 * Bundle ids match case-insensitively, as the App Store treats them.
 */
export function classifyLookup(keys: LookupKeys, apps: readonly ItunesApp[], unreadable = 0): Map<string, LookupOutcome> {
  const out = new Map<string, LookupOutcome>();
  const outcome = (app: ItunesApp | undefined): LookupOutcome =>
    !app ? (unreadable > 0 ? { kind: "unreadable" } : { kind: "not_sold" }) : presentWithRatings(app) ? { kind: "found", app } : { kind: "no_ratings", app };
  if ("ids" in keys) {
    const byId = new Map(apps.map((a) => [String(a.trackId), a]));
    for (const id of keys.ids) out.set(String(id), outcome(byId.get(String(id))));
  } else {
    const byBundle = new Map(apps.map((a) => [a.bundleId.toLowerCase(), a]));
    for (const b of keys.bundleIds) out.set(b, outcome(byBundle.get(b.toLowerCase())));
  }
  return out;
}

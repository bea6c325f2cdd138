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
}

export type LookupOutcome =
  | { kind: "found"; app: ItunesApp }
  | { kind: "no_ratings"; app: ItunesApp }
  | { kind: "not_sold" };

export function roundRating(value: number | undefined | null): number | null {
  if (value === undefined || value === null || !Number.isFinite(value)) return null;
  return Math.round(value * 100) / 100;
}

function count(value: number | undefined): number {
  return value !== undefined && value > 0 ? Math.round(value) : 0;
}

/** A zero count means "no ratings here" even if Apple still sends an average (it sometimes sends 0). */
function average(avg: number | undefined, n: number): number | null {
  if (n === 0) return null;
  const rounded = roundRating(avg);
  return rounded !== null && rounded > 0 ? rounded : null;
}

export function toItunesApp(raw: RawLookupResult): ItunesApp {
  const ratingCount = count(raw.userRatingCount);
  const currentVersionRatingCount = count(raw.userRatingCountForCurrentVersion);
  return {
    trackId: raw.trackId,
    bundleId: raw.bundleId,
    trackName: raw.trackName,
    version: raw.version ?? null,
    averageRating: average(raw.averageUserRating, ratingCount),
    ratingCount,
    currentVersionAverageRating: average(raw.averageUserRatingForCurrentVersion, currentVersionRatingCount),
    currentVersionRatingCount,
    currentVersionReleaseDate: raw.currentVersionReleaseDate ?? null,
    artworkUrl: raw.artworkUrl512 ?? raw.artworkUrl100 ?? raw.artworkUrl60 ?? null,
    trackViewUrl: raw.trackViewUrl ?? null,
  };
}

export interface ParsedLookup {
  apps: ItunesApp[];
  /** Rows that were not usable apps (other wrapper types, missing ids). */
  skipped: number;
}

/** Throws a zod error only when the envelope itself is wrong; odd rows are skipped. */
export function parseLookupResponse(json: unknown): ParsedLookup {
  const envelope = rawLookupResponseSchema.parse(json);
  const apps: ItunesApp[] = [];
  let skipped = 0;
  for (const row of envelope.results) {
    const parsed = rawLookupResultSchema.safeParse(row);
    if (!parsed.success || (parsed.data.wrapperType && parsed.data.wrapperType !== "software")) {
      skipped++;
      continue;
    }
    apps.push(toItunesApp(parsed.data));
  }
  return { apps, skipped };
}

export function hasRatings(app: ItunesApp): boolean {
  return app.ratingCount > 0 && app.averageRating !== null;
}

export type LookupKeys = { ids: readonly (number | string)[] } | { bundleIds: readonly string[] };

/**
 * Per requested key (String(trackId) or the bundle id as requested): found, no_ratings or not_sold.
 * Bundle ids match case-insensitively, as the App Store treats them.
 */
export function classifyLookup(keys: LookupKeys, apps: readonly ItunesApp[]): Map<string, LookupOutcome> {
  const out = new Map<string, LookupOutcome>();
  const outcome = (app: ItunesApp | undefined): LookupOutcome =>
    !app ? { kind: "not_sold" } : hasRatings(app) ? { kind: "found", app } : { kind: "no_ratings", app };
  if ("ids" in keys) {
    const byId = new Map(apps.map((a) => [String(a.trackId), a]));
    for (const id of keys.ids) out.set(String(id), outcome(byId.get(String(id))));
  } else {
    const byBundle = new Map(apps.map((a) => [a.bundleId.toLowerCase(), a]));
    for (const b of keys.bundleIds) out.set(b, outcome(byBundle.get(b.toLowerCase())));
  }
  return out;
}

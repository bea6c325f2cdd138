// Raw iTunes Lookup payloads, validated loosely: Apple adds fields, omits rating fields and stringifies numbers.
import { z } from "zod";

/**
 * A number that Apple may send as a string ("123456") or omit. Omitted (or null, "") is undefined; sent but not
 * a number ("N/A", true, {}) is NaN — unknown, which is not the same as absent.
 */
const looseNumber = z
  .unknown()
  .optional()
  .transform((v) => {
    if (v === null || v === undefined || v === "") return undefined;
    const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
    return Number.isFinite(n) ? n : Number.NaN;
  });

const looseString = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined || v === "" ? undefined : v));

export const rawLookupResultSchema = z.object({
  wrapperType: looseString,
  kind: looseString,
  trackId: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]),
  bundleId: z.string().min(1),
  trackName: z.string().optional().default(""),
  version: looseString,
  averageUserRating: looseNumber,
  userRatingCount: looseNumber,
  averageUserRatingForCurrentVersion: looseNumber,
  userRatingCountForCurrentVersion: looseNumber,
  currentVersionReleaseDate: looseString,
  artworkUrl512: looseString,
  artworkUrl100: looseString,
  artworkUrl60: looseString,
  trackViewUrl: looseString,
  fileSizeBytes: looseNumber,
});
export type RawLookupResult = z.output<typeof rawLookupResultSchema>;

/** The envelope; results stay unknown so one odd row cannot fail the whole page. */
export const rawLookupResponseSchema = z.object({
  resultCount: z.number().optional(),
  results: z.array(z.unknown()),
});

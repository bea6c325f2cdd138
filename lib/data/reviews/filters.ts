// The reviews page's filters: one zod schema for the URL, the server action and the data layer (no server imports).
import { z } from "zod";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const reviewFiltersSchema = z.object({
  project: opt(z.uuid({ message: "Not a valid project." })),
  app: opt(z.uuid({ message: "Not a valid app." })),
  store: opt(z.enum(["app_store"], { message: "Unknown store." })),
  /** "5" (exact) or "1-3" (range). */
  rating: opt(z.string().regex(/^[1-5](-[1-5])?$/, { message: "Rating is 1–5 or a range such as 1-3." })),
  country: opt(z.string().trim().regex(/^[A-Za-z]{2}$/, { message: "Country is a two-letter code." }).transform((v) => v.toLowerCase())),
  response: opt(z.enum(["yes", "no"], { message: "Has reply is yes or no." })),
  q: opt(z.string().trim().max(200, { message: "Search is at most 200 characters." })),
  nickname: opt(z.string().trim().max(100, { message: "Reviewer is at most 100 characters." })),
});
export type ReviewFilters = z.output<typeof reviewFiltersSchema>;

export const FILTER_KEYS = ["project", "app", "store", "rating", "country", "response", "q", "nickname"] as const;

export function ratingRange(rating: string | undefined): [number, number] | null {
  if (!rating) return null;
  const [a, b = a] = rating.split("-").map(Number);
  return [Math.min(a, b), Math.max(a, b)];
}

/** Filters from URL search params, dropping invalid ones rather than failing the page. */
export function filtersFromSearchParams(params: Record<string, string | string[] | undefined> | URLSearchParams): ReviewFilters {
  const get = (k: string) => (params instanceof URLSearchParams ? (params.get(k) ?? undefined) : ([] as (string | undefined)[]).concat(params[k])[0]);
  const out: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const one = reviewFiltersSchema.shape[key].safeParse(get(key));
    if (one.success && one.data !== undefined) out[key] = one.data;
  }
  return out as ReviewFilters;
}

export function filtersToSearchParams(filters: ReviewFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const v = filters[key];
    if (v !== undefined && v !== "") p.set(key, String(v));
  }
  return p;
}

export const REVIEWS_PAGE_SIZE = 30;

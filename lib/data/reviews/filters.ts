// The reviews page's filters: one zod schema for the URL, /api/v1/reviews and the data layer (no server imports).
import { z } from "zod";
import { STORES } from "@/lib/data/stores";
import { unstorableCharacterMessage } from "@/lib/validation";
import { searchQueryProblem } from "./search-query";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
/** Free text: trimmed, without characters PostgreSQL refuses, within `problem`'s limits. */
const text = (label: string, problem: (v: string) => string | null) =>
  z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const message = unstorableCharacterMessage(v, label) ?? problem(v);
      if (message) ctx.addIssue({ code: "custom", message });
    });

export const NICKNAME_MAX_LENGTH = 100;

/** How a list of reviews is ordered: by date written, or by rating (newest first within a rating). */
export const REVIEW_SORTS = ["newest", "oldest", "lowest", "highest"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

/** A calendar day (UTC), YYYY-MM-DD, that exists. */
const day = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label} is a date such as 2026-11-30.` })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
      message: `${label} is not a day of the calendar.`,
    });

export const reviewFiltersSchema = z.object({
  project: opt(z.uuid({ message: "Not a valid project." })),
  app: opt(z.uuid({ message: "Not a valid app." })),
  store: opt(z.enum(STORES, { message: "Store is app_store or google_play." })),
  /** "5" (exact) or "1-3" (range). */
  rating: opt(z.string().regex(/^[1-5](-[1-5])?$/, { message: "Rating is 1–5 or a range such as 1-3." })),
  country: opt(z.string().trim().regex(/^[A-Za-z]{2}$/, { message: "Country is a two-letter code." }).transform((v) => v.toLowerCase())),
  response: opt(z.enum(["yes", "no"], { message: "Has reply is yes or no." })),
  /** A detected language (ISO 639-1), e.g. "de". */
  language: opt(z.string().trim().regex(/^[A-Za-z]{2}$/, { message: "Language is a two-letter code such as de or ja." }).transform((v) => v.toLowerCase())),
  q: opt(text("Search", searchQueryProblem)),
  /** Written on or after this day (UTC). */
  from: opt(day("From")),
  /** Written on or before this day (UTC). */
  to: opt(day("To")),
  sort: opt(z.enum(REVIEW_SORTS, { message: "Sort is newest, oldest, lowest or highest." })),
  nickname: opt(
    text("Reviewer", (v) =>
      v.length > NICKNAME_MAX_LENGTH
        ? `Reviewer is at most ${NICKNAME_MAX_LENGTH} characters.`
        : /[\p{L}\p{N}]/u.test(v)
          ? null
          : "Reviewer needs a letter or digit of the name.",
    ),
  ),
});
export type ReviewFilters = z.output<typeof reviewFiltersSchema>;

export const FILTER_KEYS = ["project", "app", "store", "rating", "country", "language", "response", "q", "nickname", "from", "to", "sort"] as const;

/** Each filter's name as the page shows it. */
export const FILTER_LABELS: Record<(typeof FILTER_KEYS)[number], string> = {
  project: "Project",
  app: "App",
  store: "Store",
  rating: "Rating",
  country: "Country",
  language: "Language",
  response: "Has reply",
  q: "Search",
  nickname: "Reviewer",
  from: "From",
  to: "To",
  sort: "Sort",
};

/** The date range's problem (it ends before it starts), or null. */
export function dateRangeProblem(f: Pick<ReviewFilters, "from" | "to">): string | null {
  return f.from && f.to && f.from > f.to ? `The range ends (${f.to}) before it starts (${f.from}).` : null;
}

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
  if (dateRangeProblem(out)) delete out.to;
  return out;
}

/** Why each filter given in the URL was dropped by filtersFromSearchParams, to tell the reader instead of ignoring it silently. */
export function invalidFilterMessages(params: Record<string, string | string[] | undefined> | URLSearchParams): Partial<Record<(typeof FILTER_KEYS)[number], string>> {
  const get = (k: string) => (params instanceof URLSearchParams ? (params.get(k) ?? undefined) : ([] as (string | undefined)[]).concat(params[k])[0]);
  const out: Partial<Record<(typeof FILTER_KEYS)[number], string>> = {};
  for (const key of FILTER_KEYS) {
    const one = reviewFiltersSchema.shape[key].safeParse(get(key));
    if (!one.success) out[key] = one.error.issues[0]?.message ?? "Not a valid value.";
  }
  const [from, to] = (["from", "to"] as const).map((k) => reviewFiltersSchema.shape[k].safeParse(get(k)).data);
  const range = dateRangeProblem({ from, to });
  if (range) out.to = range;
  return out;
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

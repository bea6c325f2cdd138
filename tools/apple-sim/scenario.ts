// The scenario format: what the simulated Apple knows (apps, ratings per storefront, keys, reviews).
import { z } from "zod";

export const ratingsSchema = z.object({
  averageRating: z.number().min(0).max(5),
  ratingCount: z.number().int().min(0),
  currentVersionAverageRating: z.number().min(0).max(5).optional(),
  currentVersionRatingCount: z.number().int().min(0).optional(),
});
export type SimRatings = z.infer<typeof ratingsSchema>;

/** "no_ratings": sold, rating fields absent. "not_sold": absent from results (useful to carve out of "all"). */
export const storefrontEntrySchema = z.union([ratingsSchema, z.literal("no_ratings"), z.literal("not_sold")]);
export type StorefrontEntry = z.infer<typeof storefrontEntrySchema>;

export const responseSchema = z.object({
  id: z.string().optional(),
  body: z.string(),
  lastModifiedDate: z.string().optional(),
  state: z.enum(["PUBLISHED", "PENDING_PUBLISH"]).default("PUBLISHED"),
});

export const reviewSchema = z.object({
  id: z.string().optional(),
  territory: z.string().length(3),
  rating: z.number().int().min(1).max(5),
  title: z.string().nullable().optional(),
  body: z.string(),
  nickname: z.string().default("Reviewer"),
  createdDate: z.string().optional(),
  response: responseSchema.nullable().optional(),
});
export type SimReviewInput = z.input<typeof reviewSchema>;

export const generateSchema = z.object({
  count: z.number().int().min(0),
  seed: z.number().int().default(1),
  /** Newest generated review's date; older ones follow every `intervalMinutes`. */
  startDate: z.string().default("2026-01-01T00:00:00Z"),
  intervalMinutes: z.number().positive().default(7),
  /** Share of generated reviews that already carry a published developer response. */
  responseShare: z.number().min(0).max(1).default(0.2),
  /** Restrict generated territories (alpha-3); default all storefront territories. */
  territories: z.array(z.string().length(3)).optional(),
});
export type SimGenerate = z.infer<typeof generateSchema>;

export const appSchema = z.object({
  trackId: z.number().int().positive(),
  bundleId: z.string().min(1),
  name: z.string().min(1),
  version: z.string().default("1.0.0"),
  ascAppId: z.string().optional(),
  currentVersionReleaseDate: z.string().default("2026-01-15T08:00:00Z"),
  /** Per storefront code, or "all" as the default for every storefront. Missing = not sold there. */
  storefronts: z.record(z.string(), storefrontEntrySchema).default({}),
});
export type SimAppInput = z.input<typeof appSchema>;
export type SimApp = z.infer<typeof appSchema>;

export const keySchema = z.object({
  keyId: z.string().min(1),
  issuerId: z.string().optional(),
  type: z.enum(["team", "individual"]).default("team"),
  /** SPKI PEM. When absent the simulator generates a key pair at start (see privateKeyPem in sim.keys()). */
  publicKeyPem: z.string().optional(),
  /** ascAppIds this key sees; default all. */
  apps: z.array(z.string()).optional(),
  /** Requests per hour before 429 RATE_LIMIT_EXCEEDED; default from options. */
  hourlyLimit: z.number().int().positive().optional(),
});
export type SimKeyInput = z.input<typeof keySchema>;

export const scenarioSchema = z.object({
  apps: z.array(appSchema).default([]),
  keys: z.array(keySchema).default([]),
  /** Per ascAppId: explicit reviews and/or a memory-cheap generator. */
  reviews: z
    .record(z.string(), z.union([z.array(reviewSchema), z.object({ items: z.array(reviewSchema).default([]), generate: generateSchema.optional() })]))
    .default({}),
});
export type Scenario = z.input<typeof scenarioSchema>;
export type ParsedScenario = z.infer<typeof scenarioSchema>;

export const faultKinds = ["500", "503", "429", "403", "401", "agreement", "timeout", "malformed", "unreachable", "non_numeric", "stale_pending", "unreadable_review"] as const;
export type FaultKind = (typeof faultKinds)[number];

/** Kinds that change what a normal answer says rather than failing the call, and the one endpoint each applies to. */
const DATA_FAULTS: Partial<Record<FaultKind, SimEndpoint>> = { non_numeric: "itunes.lookup", stale_pending: "asc.reviews", unreadable_review: "asc.reviews" };

/** iTunes rating fields a non_numeric fault can spoil. */
export const itunesNumericFields = ["averageUserRating", "userRatingCount", "averageUserRatingForCurrentVersion", "userRatingCountForCurrentVersion"] as const;

export const simEndpoints = [
  "itunes.lookup",
  "asc.apps",
  "asc.reviews",
  "asc.review",
  "asc.review.response",
  "asc.response.get",
  "asc.response.create",
  "asc.response.delete",
] as const;
export type SimEndpoint = (typeof simEndpoints)[number];

export const faultSchema = z
  .object({
    endpoint: z.enum(simEndpoints),
    kind: z.union([z.enum(faultKinds), z.number().int().transform(String).pipe(z.enum(faultKinds))]),
    /** Fail only the Nth matching call (1-based) counted from when the fault was added. */
    nth: z.number().int().positive().optional(),
    /** Fail the next K matching calls. */
    count: z.number().int().positive().optional(),
    /** Fail this share of matching calls (seeded, deterministic). */
    share: z.number().min(0).max(1).optional(),
    /** iTunes only: the fault applies to this storefront only. */
    storefront: z.string().optional(),
    /** asc.reviews only: the fault applies to this app's reviews (its ascAppId) only. */
    app: z.string().optional(),
    /** non_numeric: the rating field sent as "N/A" (default averageUserRating). */
    field: z.enum(itunesNumericFields).optional(),
    /** Seconds, sent as Retry-After with 429. */
    retryAfter: z.number().int().min(0).optional(),
  })
  .refine((f) => !DATA_FAULTS[f.kind] || DATA_FAULTS[f.kind] === f.endpoint, { message: "non_numeric applies to itunes.lookup, stale_pending and unreadable_review to asc.reviews" });
export type SimFaultInput = z.input<typeof faultSchema>;
export type SimFault = z.infer<typeof faultSchema>;

export const optionsSchema = z.object({
  seed: z.number().int().default(42),
  /** iTunes answers 403 when more than `calls` arrive within `windowMs`. Off when absent. */
  itunesRateLimit: z.object({ calls: z.number().int().positive(), windowMs: z.number().int().positive().default(60_000) }).nullable().default(null),
  /** Default hourly request budget per ASC key. */
  ascHourlyLimit: z.number().int().positive().default(3600),
  /** A new response turns PUBLISHED this many ms after creation; null = only via the control API. */
  publishDelayMs: z.number().int().min(0).nullable().default(5_000),
  /** Probability that include=response shows a PENDING_PUBLISH response. */
  pendingVisibility: z.number().min(0).max(1).default(0.5),
  /** How long a "timeout" fault hangs before giving up (the client should time out first). */
  hangMs: z.number().int().positive().default(60_000),
  /** Largest id=/bundleId= list the lookup accepts. */
  maxLookupKeys: z.number().int().positive().default(200),
});
export type SimOptionsInput = z.input<typeof optionsSchema>;
export type SimOptions = z.infer<typeof optionsSchema>;

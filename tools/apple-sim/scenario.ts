// The scenario format: what the simulated Apple knows (apps, ratings per storefront, keys, reviews), and the options.
import { z } from "zod";
import { analyticsConfigSchema } from "./model/analytics/config";
import { reportsConfigSchema } from "./model/reports/config";

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
export type SimReviewParsed = z.infer<typeof reviewSchema>;
export type SimResponseParsed = z.infer<typeof responseSchema>;

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
  /** Sales and Trends and Finance reports: what they contain and the UNCONFIRMED behaviours (model/reports/config.ts). */
  reports: reportsConfigSchema.default(reportsConfigSchema.parse({})),
  /** The Analytics Reports API: apps, pitfalls and the UNCONFIRMED behaviours (model/analytics/config.ts). */
  analytics: analyticsConfigSchema.default(analyticsConfigSchema.parse({})),
});
export type Scenario = z.input<typeof scenarioSchema>;
export type ParsedScenario = z.infer<typeof scenarioSchema>;

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

// The scenario format: what the simulated Google knows (service accounts, apps and their reviews, the reports
// bucket, ratings), and the switches for behaviour the fact sheet could not confirm.
import { z } from "zod";

/** An ISO time, or a time relative to when the scenario is loaded: "-2d", "-3h", "-30m", "now". */
export const timeSchema = z.string().regex(/^(now|-\d+(\.\d+)?[dhm]|\d{4}-\d{2}-\d{2}T.+)$/, { message: 'use an ISO time or "-2d", "-3h", "-30m", "now"' });

export const replySchema = z.object({ text: z.string(), modified: timeSchema.optional() });

export const reviewSchema = z.object({
  id: z.string().min(1),
  author: z.string().optional(),
  rating: z.number().int().min(1).max(5),
  title: z.string().optional(),
  text: z.string(),
  /** Set when Google translated: `text` is shown as the translation, this as originalText. */
  originalText: z.string().optional(),
  language: z.string().default("en"),
  /** When the review was last written or edited (the 7-day window and the order go by this). */
  modified: timeSchema.default("now"),
  /** First submission; defaults to `modified`. */
  submitted: timeSchema.optional(),
  versionName: z.string().default("1.0.0"),
  versionCode: z.number().int().default(1),
  device: z.string().default("a53x"),
  reply: replySchema.nullable().optional(),
});
export type SimPlayReviewInput = z.input<typeof reviewSchema>;

export const generateSchema = z.object({
  count: z.number().int().min(0),
  seed: z.number().int().default(1),
  /** The newest generated review is this old; older ones follow every intervalMinutes. */
  newest: timeSchema.default("-1h"),
  intervalMinutes: z.number().positive().default(90),
  replyShare: z.number().min(0).max(1).default(0.2),
});

export const appSchema = z.object({
  packageName: z.string().min(1),
  reviews: z.array(reviewSchema).default([]),
  generate: generateSchema.optional(),
});
export type SimPlayAppInput = z.input<typeof appSchema>;

export const accountSchema = z.object({
  clientEmail: z.email(),
  /** SPKI PEM; omit to have a key pair generated at start (its JSON key file: sim.keyFile(clientEmail)). */
  publicKeyPem: z.string().optional(),
  privateKeyId: z.string().optional(),
  /** Packages the account was invited to in Play Console; default all. */
  packages: z.array(z.string()).optional(),
  /** The "Reply to reviews" permission. */
  canReply: z.boolean().default(true),
  /** Can read the reports bucket. */
  bucketAccess: z.boolean().default(true),
  /** The Play Developer API is enabled in the account's Cloud project. */
  apiEnabled: z.boolean().default(true),
});
export type SimAccountInput = z.input<typeof accountSchema>;

export const ratingsGenerateSchema = z.object({
  /** Country → the cumulative average the series starts from (e.g. { "us": 4.3, "de": 4.1 }). */
  countries: z.record(z.string().regex(/^[A-Za-z]{2}$/), z.number().min(1).max(5)),
  /** Days of history ending `endOffsetDays` before today. */
  days: z.number().int().min(1).max(800).default(40),
  endOffsetDays: z.number().int().min(0).default(1),
  /** Share of days with no new rating in a country ("NA"). */
  naShare: z.number().min(0).max(1).default(0.25),
  seed: z.number().int().default(1),
});

export const scenarioSchema = z.object({
  accounts: z.array(accountSchema).default([]),
  apps: z.array(appSchema).default([]),
  /** The Play Console reports bucket id. */
  bucket: z.string().default("pubsite_prod_rev_01234567890987654321"),
  /** Per package: a generated ratings history (monthly overview and country files). */
  ratings: z.record(z.string(), ratingsGenerateSchema).default({}),
  /** Extra objects in the bucket, by name: their text is served as UTF-16LE with a byte-order mark. */
  objects: z.record(z.string(), z.string()).default({}),
});
export type GoogleScenario = z.input<typeof scenarioSchema>;
export type ParsedGoogleScenario = z.infer<typeof scenarioSchema>;

export const simEndpoints = ["token", "play.list", "play.get", "play.reply", "storage.list", "storage.download"] as const;
export type GoogleSimEndpoint = (typeof simEndpoints)[number];

export const faultKinds = [
  "500",
  "503",
  "429",
  "401",
  "403",
  "api_disabled",
  "timeout",
  "unreachable",
  "malformed",
  // token endpoint
  "invalid_grant_signature",
  "invalid_grant_time",
  "unauthorized_client",
  // storage
  "bucket_missing",
  // data faults: a normal answer that says something odd
  "malformed_csv_line",
  "odd_text",
] as const;
export type GoogleFaultKind = (typeof faultKinds)[number];

const DATA_FAULTS: Partial<Record<GoogleFaultKind, GoogleSimEndpoint[]>> = {
  malformed_csv_line: ["storage.download"],
  odd_text: ["play.list", "storage.download"],
  invalid_grant_signature: ["token"],
  invalid_grant_time: ["token"],
  unauthorized_client: ["token"],
  bucket_missing: ["storage.list", "storage.download"],
};

export const faultSchema = z
  .object({
    endpoint: z.enum(simEndpoints),
    kind: z.union([z.enum(faultKinds), z.number().int().transform(String).pipe(z.enum(faultKinds))]),
    nth: z.number().int().positive().optional(),
    count: z.number().int().positive().optional(),
    share: z.number().min(0).max(1).optional(),
    /** Only calls for this package (Play endpoints) or objects whose name contains it (storage). */
    target: z.string().optional(),
    /** Seconds, sent as Retry-After with 429. */
    retryAfter: z.number().int().min(0).optional(),
  })
  .refine((f) => !DATA_FAULTS[f.kind] || DATA_FAULTS[f.kind]!.includes(f.endpoint), { message: "this fault kind does not apply to that endpoint" });
export type GoogleSimFaultInput = z.input<typeof faultSchema>;
export type GoogleSimFault = z.infer<typeof faultSchema>;

export const optionsSchema = z.object({
  seed: z.number().int().default(42),
  /** reviews.list + reviews.get per package per quota window, then 429 RESOURCE_EXHAUSTED. */
  readsPerWindow: z.number().int().positive().default(200),
  readWindowMs: z.number().int().positive().default(3_600_000),
  repliesPerDay: z.number().int().positive().default(2000),
  /** UNCONFIRMED whether Google sends Retry-After with a quota 429: both readings. */
  quotaRetryAfter: z.boolean().default(true),
  /** UNCONFIRMED exact 403 payload: "caller" = {message: "The caller does not have permission", status}; "insufficient" = the older errors[] form. */
  forbiddenStyle: z.enum(["caller", "insufficient"]).default("caller"),
  /** UNCONFIRMED wording of invalid_grant for clock skew. */
  skewMessage: z.enum(["timeframe", "generic"]).default("timeframe"),
  /** UNCONFIRMED whether the JWT needs a kid: true refuses a JWT without one. */
  requireKid: z.boolean().default(false),
  /** Allowed difference between the JWT's times and this server's clock. */
  allowedSkewSeconds: z.number().int().min(0).default(300),
  /** This server's clock against the real one (to play a machine whose clock is off). */
  clockOffsetSeconds: z.number().int().default(0),
  maxReplyLength: z.number().int().positive().default(350),
  /** UNCONFIRMED status for an over-long reply. */
  longReplyStatus: z.union([z.literal(400), z.literal(403)]).default(400),
  windowDays: z.number().positive().default(7),
  /** UNCONFIRMED that the export's Review Link always carries the API's review id: "without_id" drops it. */
  exportReviewLink: z.enum(["with_id", "without_id"]).default("with_id"),
  hangMs: z.number().int().positive().default(60_000),
});
export type GoogleSimOptionsInput = z.input<typeof optionsSchema>;
export type GoogleSimOptions = z.infer<typeof optionsSchema>;

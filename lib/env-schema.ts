// Configuration, validated once with one clear line per bad value (design §7). Shared by the server and
// the scripts that start it, so this file must not import server-only.
import { z } from "zod";

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());
const url = (what: string) =>
  z.url({ message: `must be a URL such as ${what}` });

const boolFlag = z
  .enum(["0", "1", "true", "false"], { message: 'must be "1", "0", "true" or "false"' })
  .transform((v) => v === "1" || v === "true");

/** Inngest's variables: all optional, so the Inngest client can read them when a build loads its module. */
export const inngestVariables = z.object({
  INNGEST_DEV: optional(z.string()),
  INNGEST_EVENT_KEY: optional(z.string()),
  INNGEST_SIGNING_KEY: optional(z.string()),
  INNGEST_BASE_URL: optional(url("http://127.0.0.1:8288")),
});
export type InngestVariables = z.infer<typeof inngestVariables>;

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ message: "is required (the start script sets it to the embedded PostgreSQL when unset)" })
    .regex(/^postgres(ql)?:\/\//, { message: "must be a postgresql:// connection URL" }),
  AUTH_SECRET: z
    .string({ message: "is required: 32+ random characters (the start script generates one under .data/)" })
    .min(32, { message: "must be at least 32 characters long" }),
  ENCRYPTION_KEY: z
    .string({ message: "is required: 32 random bytes as 64 hex characters or base64" })
    .refine((v) => decodeKey(v) !== null, {
      message: "must be 32 bytes written as 64 hex characters or 44 base64 characters (e.g. `openssl rand -base64 32`)",
    }),
  APP_URL: optional(url("http://localhost:3000")),
  AUTH_GITHUB_ID: optional(z.string()),
  AUTH_GITHUB_SECRET: optional(z.string()),
  DATABASE_POOL_SIZE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ message: "must be a whole number of connections from 1 to 100" }).int({ message: "must be a whole number of connections from 1 to 100" }).min(1, { message: "must be at least 1 connection" }).max(100, { message: "must be at most 100 connections" }).default(10),
  ),
  PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ message: "must be a port number from 1 to 65535" }).int({ message: "must be a port number from 1 to 65535" }).min(1, { message: "must be a port number from 1 to 65535" }).max(65535, { message: "must be a port number from 1 to 65535" }).default(3000),
  ),
  HOST: z.preprocess(emptyAsUndefined, z.string().default("127.0.0.1")),
  NEXT_DIST_DIR: z.preprocess(emptyAsUndefined, z.string().default(".next")),
  STARBOARD_API_RATE_LIMIT: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ message: "must be a whole number of requests per minute per agent key (120 when unset)" })
      .int({ message: "must be a whole number of requests per minute per agent key (120 when unset)" })
      .min(1, { message: "must be at least 1 request per minute" })
      .max(100_000, { message: "must be at most 100000 requests per minute" })
      .default(120),
  ),
  ITUNES_BASE_URL: z.preprocess(emptyAsUndefined, url("https://itunes.apple.com").default("https://itunes.apple.com")),
  ASC_BASE_URL: z.preprocess(
    emptyAsUndefined,
    url("https://api.appstoreconnect.apple.com").default("https://api.appstoreconnect.apple.com"),
  ),
  GOOGLE_OAUTH_TOKEN_URL: z.preprocess(
    emptyAsUndefined,
    url("https://oauth2.googleapis.com/token").default("https://oauth2.googleapis.com/token"),
  ),
  GOOGLE_PLAY_BASE_URL: z.preprocess(
    emptyAsUndefined,
    url("https://androidpublisher.googleapis.com").default("https://androidpublisher.googleapis.com"),
  ),
  GOOGLE_STORAGE_BASE_URL: z.preprocess(emptyAsUndefined, url("https://storage.googleapis.com").default("https://storage.googleapis.com")),
  GOOGLE_PLAY_READS_PER_HOUR: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ message: "must be a whole number of reads per hour per app (Google allows 200; 0 turns Starboard's own budget off)" })
      .int({ message: "must be a whole number of reads per hour per app" })
      .min(0)
      .max(100_000)
      .default(200),
  ),
  ITUNES_CALLS_PER_MINUTE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ message: "must be a number (0 turns pacing off)" }).min(0).max(6000).default(20),
  ),
  ASC_REPORTS_CALLS_PER_MINUTE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ message: "must be a number (0 turns pacing off)" }).min(0).max(600).default(30),
  ),
  ITUNES_CHUNK_SIZE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ message: "must be a whole number from 1 to 200" }).int().min(1).max(200).default(100),
  ),
  ...inngestVariables.shape,
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, { message: "must be an smtp:// or smtps:// URL" })),
  SMTP_FROM: optional(z.string()),
  STARBOARD_DATA_DIR: optional(z.string()),
  SECURE_COOKIES: optional(boolFlag),
  NOTIFICATIONS_ALLOW_PRIVATE_NETWORKS: z.preprocess(emptyAsUndefined, boolFlag.default(false)),
  TRUST_PROXY: z.preprocess(
    (v) => (v === "true" ? "1" : v === "false" ? "0" : emptyAsUndefined(v)),
    z.coerce
      .number({ message: "must be the number of reverse proxies in front of Starboard that set X-Forwarded-For (0 when none)" })
      .int({ message: "must be a whole number of proxies (0 when none, 1 for one reverse proxy)" })
      .min(0, { message: "must be 0 or more" })
      .max(10, { message: "must be at most 10 proxies" })
      .default(0),
  ),
});

export type Env = z.infer<typeof envSchema>;

export function decodeKey(value: string): Buffer | null {
  const v = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(v)) {
    const buf = Buffer.from(v.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    return buf.length === 32 ? buf : null;
  }
  return null;
}

export class ConfigError extends Error {
  constructor(public readonly lines: string[]) {
    super(`Invalid configuration:\n${lines.map((l) => `  ${l}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** The variables as a plain record: the process's environment, or what a test or script passes. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

export function parseEnv(source: EnvSource): Env {
  return parseWith(envSchema, source);
}

export function parseInngestVariables(source: EnvSource): InngestVariables {
  return parseWith(inngestVariables, source);
}

function parseWith<S extends z.ZodType>(schema: S, source: EnvSource): z.output<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    const raw = source[name];
    // Never echo secret values back; show a short hint of what was given for the others.
    const shown = raw === undefined || /SECRET|KEY|PASSWORD|DATABASE_URL/.test(name) ? "" : ` (got "${raw.slice(0, 60)}")`;
    return `${name}: ${issue.message}${shown}`;
  });
  throw new ConfigError(lines);
}

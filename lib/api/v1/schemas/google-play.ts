// The Google Play connection as /api/v1 shows it (lib/data/google-play/view.ts): the service account's e-mail and key
// id, never the key.
import { z } from "zod";
import { isoDateTime, upstreamSchema, uuid } from "./common";
import { syncKindSchema, syncRunSchema } from "./runs";

const step = { ok: z.boolean(), error: upstreamSchema.nullable().describe("What Google answered, with a hint; null when the step worked or was not tried.") };

export const playConnectionTestSchema = z
  .object({
    ok: z.boolean(),
    testedAt: isoDateTime,
    token: z.object(step).describe("Obtaining an access token with the key."),
    apps: z
      .array(z.object({ ...step, appId: z.string(), name: z.string(), packageName: z.string().nullable(), recentReviews: z.number().int().nullable() }))
      .describe("One reviews.list per Android app of the project."),
    bucket: z
      .object({ ...step, bucket: z.string(), reviewFiles: z.number().int().nullable(), ratingsFiles: z.number().int().nullable() })
      .nullable()
      .describe("Listing the Play Console reports bucket; null when no bucket is set."),
    error: upstreamSchema.nullable().describe("The first refusal, for a one-line summary."),
  })
  .meta({ id: "PlayConnectionTest" });

export const playConnectionSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    clientEmail: z.string().describe("The service account."),
    privateKeyId: z.string().nullable(),
    cloudProjectId: z.string().nullable(),
    reportsBucket: z.string().nullable().describe("The Play Console reports bucket (pubsite_prod_…); null when not set."),
    enabled: z.boolean(),
    addedAt: isoDateTime,
    updatedAt: isoDateTime,
    lastTest: playConnectionTestSchema.nullable(),
    lastSync: z.object({ at: isoDateTime.nullable(), status: z.string().nullable(), error: z.string().nullable() }).nullable(),
  })
  .meta({ id: "PlayConnection", description: "A project's Google Play connection. The service-account key never leaves the server." });

export const playStatusSchema = z
  .object({
    connection: playConnectionSchema.nullable(),
    runs: z
      .object({ reviews: syncRunSchema.nullable(), backfill: syncRunSchema.nullable(), ratings: syncRunSchema.nullable() })
      .describe("The latest run of each Play job: the reviews sync, the review backfill and the ratings import from the reports."),
    canSync: z.boolean().describe("Whether the caller may start a sync (integrations:write)."),
  })
  .meta({ id: "PlayStatus" });

export const copyPlayConnectionBody = z.object({
  fromProjectId: uuid("project").describe("The project (of the same team) whose Google Play connection (key and bucket) is copied."),
});

export const playConnectionCopiedSchema = z
  .object({
    connection: playConnectionSchema,
    test: playConnectionTestSchema,
    runs: z.array(z.object({ kind: syncKindSchema, runId: z.string(), alreadyRunning: z.boolean() })).describe("The imports the copy started."),
  })
  .meta({ id: "PlayConnectionCopied" });

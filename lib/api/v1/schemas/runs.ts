import { z } from "zod";
import { isoDateTime, uuid } from "./common";

export const syncKindSchema = z.enum([
  "app_version_sync",
  "app_store_ratings_sync",
  "app_store_connect_reviews_sync",
  "app_store_sales_sync",
  "app_store_sales_backfill",
  "app_store_finance_sync",
  "google_play_reviews_sync",
  "google_play_reviews_backfill",
  "google_play_ratings_sync",
  "app_store_analytics_sync",
]);
export const syncStatusSchema = z.enum(["queued", "running", "succeeded", "partial", "failed"]);
export const FINISHED_RUN_STATUSES = ["succeeded", "partial", "failed"] as const;

export const syncRunSchema = z
  .object({
    id: z.string(),
    kind: syncKindSchema,
    trigger: z.enum(["schedule", "manual", "cli", "api"]),
    status: syncStatusSchema,
    projectId: z.string().nullable(),
    counters: z.record(z.string(), z.unknown()),
    progress: z.record(z.string(), z.unknown()).nullable(),
    error: z.string().nullable(),
    createdAt: isoDateTime,
    startedAt: isoDateTime.nullable(),
    finishedAt: isoDateTime.nullable(),
  })
  .meta({ id: "SyncRun" });

export const syncRequestedSchema = z
  .object({
    runId: z.string(),
    status: syncStatusSchema,
    alreadyRunning: z.boolean().describe("True when a run of this job was already queued or running for the project: its id is returned."),
  })
  .meta({ id: "SyncRequested" });

export const runParams = z.object({ runId: uuid("run") });

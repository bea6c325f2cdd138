// What every sync handler (a "job": app_version_sync, app_store_ratings_sync, …) takes and returns. The registry
// (lib/jobs/registry.ts), the Inngest functions and the job command call handlers through this shape.
import type { SyncTrigger } from "@/lib/generated/prisma/enums";
import type { StepRunner } from "./steps";

export interface JobOptions {
  /** Limit the job to one project (manual runs); absent = every project (scheduled runs). */
  projectId?: string;
  appId?: string;
  /** A sync_runs row created when the run was requested (queued); the handler creates one otherwise. */
  runId?: string;
  trigger: SyncTrigger;
  steps: StepRunner;
}

export interface JobResult {
  runId: string | null;
  status: "succeeded" | "partial" | "failed";
  counters: Record<string, unknown>;
  error?: string | null;
}

export type JobHandler = (options: JobOptions) => Promise<JobResult>;

import "server-only";
import type { SyncKind, SyncTrigger } from "@/lib/sync/runs";
import type { StepRunner } from "@/lib/sync/steps";

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

// Each job's handler lives in lib/sync; imported lazily so a page that only requests a run stays light.
const JOBS: Partial<Record<SyncKind, () => Promise<JobHandler>>> = {
  app_store_connect_reviews_sync: async () => (await import("@/lib/sync/reviews/job")).reviewsSyncJob,
  app_version_sync: async () => (await import("@/lib/sync/versions/sync-app-versions")).syncAppVersions,
  app_store_ratings_sync: async () => (await import("@/lib/sync/ratings/sync-ratings")).syncRatings,
};

export async function jobHandler(kind: SyncKind): Promise<JobHandler> {
  const load = JOBS[kind];
  if (!load) throw new Error(`Unknown job "${kind}". Known jobs: ${knownJobs().join(", ")}.`);
  return load();
}

export function knownJobs(): SyncKind[] {
  return Object.keys(JOBS) as SyncKind[];
}

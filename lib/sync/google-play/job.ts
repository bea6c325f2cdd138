import "server-only";
// The registry's handlers for the three Google Play jobs: one project (manual, CLI with --project-id) or every project
// the job covers (CLI without it).
import { projectsWithPlayConnection } from "@/lib/data/google-play/connections";
import type { JobHandler, JobResult } from "@/lib/sync/job";
import { backfillPlayReviews } from "./backfill-reviews";
import { importPlayRatings } from "./import-ratings";
import type { PlayJobInput } from "./start";
import { syncPlayReviews } from "./sync-reviews";

function perProject(run: (input: PlayJobInput) => Promise<JobResult>, needsBucket: boolean): JobHandler {
  return async (options) => {
    if (options.projectId) return run({ projectId: options.projectId, runId: options.runId, trigger: options.trigger, steps: options.steps });
    const results: JobResult[] = [];
    for (const { projectId } of await projectsWithPlayConnection({ needsBucket })) results.push(await run({ projectId, trigger: options.trigger, steps: options.steps }));
    const worst = results.some((r) => r.status === "failed") ? "failed" : results.some((r) => r.status === "partial") ? "partial" : "succeeded";
    return {
      runId: null,
      status: worst,
      counters: { projects: results.length, runs: results.map((r) => ({ runId: r.runId, status: r.status, error: r.error ?? null, counters: r.counters })) },
      error: results.find((r) => r.error)?.error ?? null,
    };
  };
}

export const playReviewsSyncJob = perProject(syncPlayReviews, false);
export const playReviewsBackfillJob = perProject(backfillPlayReviews, true);
export const playRatingsSyncJob = perProject(importPlayRatings, true);

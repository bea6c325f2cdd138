import "server-only";
import type { JobHandler, JobResult } from "@/lib/sync/job";
import { projectsWithActiveIntegration, syncProjectReviews } from "./sync-project";

/** The registry's handler: one project (manual, CLI with --project-id) or every project with an active integration. */
export const reviewsSyncJob: JobHandler = async (options) => {
  if (options.projectId) return syncProjectReviews({ projectId: options.projectId, runId: options.runId, trigger: options.trigger, steps: options.steps });
  const results: JobResult[] = [];
  for (const { projectId } of await projectsWithActiveIntegration()) {
    results.push(await syncProjectReviews({ projectId, trigger: options.trigger, steps: options.steps }));
  }
  const worst = results.some((r) => r.status === "failed") ? "failed" : results.some((r) => r.status === "partial") ? "partial" : "succeeded";
  return {
    runId: null,
    status: worst,
    counters: { projects: results.length, runs: results.map((r) => ({ runId: r.runId, status: r.status, error: r.error ?? null, counters: r.counters })) },
    error: results.find((r) => r.error)?.error ?? null,
  };
};

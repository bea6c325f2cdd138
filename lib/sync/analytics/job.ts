import "server-only";
// The registry's handler: one project (manual, CLI with --project-id, Inngest) or every connected project.
import type { JobHandler, JobResult } from "@/lib/sync/job";
import { projectsWithAnalytics, syncAnalytics } from "./sync-analytics";

export const analyticsSyncJob: JobHandler = async (options) => {
  if (options.projectId) return syncAnalytics({ projectId: options.projectId, runId: options.runId, trigger: options.trigger, steps: options.steps });
  const results: JobResult[] = [];
  for (const { projectId } of await projectsWithAnalytics()) results.push(await syncAnalytics({ projectId, trigger: options.trigger, steps: options.steps }));
  const status = results.some((r) => r.status === "failed") ? "failed" : results.some((r) => r.status === "partial") ? "partial" : "succeeded";
  return {
    runId: null,
    status,
    counters: { projects: results.length, runs: results.map((r) => ({ runId: r.runId, status: r.status, error: r.error ?? null, counters: r.counters })) },
    error: results.find((r) => r.error)?.error ?? null,
  };
};

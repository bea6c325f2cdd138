import "server-only";
// The registry's handlers: one project (manual, CLI with --project-id, Inngest) or every project with reports.
import type { JobHandler, JobResult } from "@/lib/sync/job";
import { projectsWithReports } from "./integration";
import { syncFinanceReports } from "./sync-finance";
import { syncSalesReports, type SalesSyncMode } from "./sync-sales";

function combine(results: JobResult[]): JobResult {
  const status = results.some((r) => r.status === "failed") ? "failed" : results.some((r) => r.status === "partial") ? "partial" : "succeeded";
  return {
    runId: null,
    status,
    counters: { projects: results.length, runs: results.map((r) => ({ runId: r.runId, status: r.status, error: r.error ?? null, counters: r.counters })) },
    error: results.find((r) => r.error)?.error ?? null,
  };
}

const salesJob =
  (mode: SalesSyncMode): JobHandler =>
  async (options) => {
    if (options.projectId) return syncSalesReports({ projectId: options.projectId, runId: options.runId, trigger: options.trigger, steps: options.steps, mode });
    const results: JobResult[] = [];
    for (const { projectId } of await projectsWithReports()) results.push(await syncSalesReports({ projectId, trigger: options.trigger, steps: options.steps, mode }));
    return combine(results);
  };

export const salesSyncJob = salesJob("daily");
export const salesBackfillJob = salesJob("backfill");

export const financeSyncJob: JobHandler = async (options) => {
  if (options.projectId) return syncFinanceReports({ projectId: options.projectId, runId: options.runId, trigger: options.trigger, steps: options.steps });
  const results: JobResult[] = [];
  for (const { projectId } of await projectsWithReports()) results.push(await syncFinanceReports({ projectId, trigger: options.trigger, steps: options.steps }));
  return combine(results);
};

import "server-only";
// The registry's handler: one project (manual, CLI with --project-id, Inngest) or every connected project.
import { db } from "@/lib/db";
import type { JobHandler, JobResult } from "@/lib/sync/job";
import { projectsWithAnalytics, syncAnalytics } from "./sync-analytics";

export const analyticsSyncJob: JobHandler = async (options) => {
  // An app's run is its project's: the request state, instances and coverage are per app, the run record per project.
  const projectId = options.projectId ?? (options.appId ? (await db.app.findUnique({ where: { id: options.appId }, select: { projectId: true } }))?.projectId : undefined);
  if (options.appId && !projectId) throw new Error(`App ${options.appId} does not exist.`);
  if (projectId) return syncAnalytics({ projectId, runId: options.runId, trigger: options.trigger, steps: options.steps });
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

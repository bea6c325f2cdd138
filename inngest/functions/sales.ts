// Thin Inngest wrappers around lib/sync/sales: hourly and daily fan-outs that queue a run only for projects with
// something due, and the per-project runs (sales sync, backfill, finance sync).
import { inngest } from "@/inngest/client";
import { EVENTS, syncRequestedData } from "@/inngest/events";
import { failUnfinishedRuns } from "@/lib/sync/runs";
import { syncFinanceReports } from "@/lib/sync/sales/sync-finance";
import { syncSalesReports } from "@/lib/sync/sales/sync-sales";
import { queueScheduledFinanceRuns, queueScheduledSalesRuns } from "@/lib/sync/sales/schedule";
import { inngestSteps } from "./step-runner";

/** Hourly at :05: a day is published by about 08:00 Pacific; "not available yet" days come back every hour. */
export const SALES_SYNC_CRON = "TZ=UTC 5 * * * *";
/** Daily at 16:30 UTC: each fiscal month is asked for once due, then daily until Apple has it. */
export const FINANCE_SYNC_CRON = "TZ=UTC 30 16 * * *";

/** The sales sync and the backfill of a project write the same days: one of them at a time per project. */
const ONE_SALES_RUN_PER_PROJECT = { scope: "env", key: '"sales:" + event.data.projectId', limit: 1 } as const;

const failRun = async ({ event, error }: { event: { data: { event: { data: unknown } } }; error: Error }) => {
  const data = syncRequestedData.safeParse(event.data.event.data);
  if (data.success) await failUnfinishedRuns({ runId: data.data.runId }, error.message);
};

export const salesSyncScheduled = inngest.createFunction(
  { id: "sales-sync-scheduled", name: "Sales reports: hourly check for due days", triggers: [{ cron: SALES_SYNC_CRON }], singleton: { mode: "skip" }, retries: 3 },
  async ({ step }) => {
    const queued = await step.run("queue-project-runs", () => queueScheduledSalesRuns());
    if (queued.length > 0) await step.sendEvent("fan-out", queued.map((q) => ({ name: EVENTS.salesSyncRequested, data: q })));
    return { projects: queued.length };
  },
);

export const salesSyncProject = inngest.createFunction(
  { id: "sales-sync-project", name: "Sales reports: one project", triggers: [{ event: EVENTS.salesSyncRequested }], concurrency: [ONE_SALES_RUN_PER_PROJECT], retries: 3, onFailure: failRun },
  async ({ event, step }) => {
    const data = syncRequestedData.parse(event.data);
    return syncSalesReports({ projectId: data.projectId, runId: data.runId, trigger: "manual", steps: inngestSteps(step), mode: "daily" });
  },
);

export const salesBackfillProject = inngest.createFunction(
  { id: "sales-backfill-project", name: "Sales reports: backfill a project", triggers: [{ event: EVENTS.salesBackfillRequested }], concurrency: [ONE_SALES_RUN_PER_PROJECT], retries: 3, onFailure: failRun },
  async ({ event, step }) => {
    const data = syncRequestedData.parse(event.data);
    return syncSalesReports({ projectId: data.projectId, runId: data.runId, trigger: "manual", steps: inngestSteps(step), mode: "backfill" });
  },
);

export const financeSyncScheduled = inngest.createFunction(
  { id: "finance-sync-scheduled", name: "Finance reports: daily check for due months", triggers: [{ cron: FINANCE_SYNC_CRON }], singleton: { mode: "skip" }, retries: 3 },
  async ({ step }) => {
    const queued = await step.run("queue-project-runs", () => queueScheduledFinanceRuns());
    if (queued.length > 0) await step.sendEvent("fan-out", queued.map((q) => ({ name: EVENTS.financeSyncRequested, data: q })));
    return { projects: queued.length };
  },
);

export const financeSyncProject = inngest.createFunction(
  { id: "finance-sync-project", name: "Finance reports: one project", triggers: [{ event: EVENTS.financeSyncRequested }], concurrency: [{ key: "event.data.projectId", limit: 1 }], retries: 3, onFailure: failRun },
  async ({ event, step }) => {
    const data = syncRequestedData.parse(event.data);
    return syncFinanceReports({ projectId: data.projectId, runId: data.runId, trigger: "manual", steps: inngestSteps(step) });
  },
);

export const salesFunctions = [salesSyncScheduled, salesSyncProject, salesBackfillProject, financeSyncScheduled, financeSyncProject];

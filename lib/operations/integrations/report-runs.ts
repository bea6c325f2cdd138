import "server-only";
// Starting a project's report runs through the one dispatcher: the sales backfill — every day Apple still keeps that
// is not stored yet (all of them the first time, afterwards the days still pending or failed and the newest) — and
// the finance sync. At most one sales run per project at a time: a request while one goes returns that one.
import type { ProjectAccess } from "@/lib/auth/access";
import type { ConnectionTest } from "@/lib/data/integrations/view";
import { requestProjectSync } from "@/lib/jobs/request-sync";
import { latestRun, type SyncStatus, type SyncTrigger } from "@/lib/sync/runs";

export interface ReportRunsRequested {
  runId: string;
  status: SyncStatus;
  /** A sales run (backfill or daily) was already queued or running for the project: `runId` is that run. */
  alreadyRunning: boolean;
  /** The finance run, or null when it was not asked for (`financeSkipped` says why). */
  financeRunId: string | null;
  financeSkipped: string | null;
}

export const triggerOf = (ctx: Pick<ProjectAccess, "caller">): SyncTrigger => (ctx.caller.kind === "apiKey" ? "api" : "manual");

export async function requestReportRuns(ctx: Pick<ProjectAccess, "teamId" | "projectId" | "caller">, lastTest: ConnectionTest | null): Promise<ReportRunsRequested> {
  const target = { teamId: ctx.teamId, projectId: ctx.projectId };
  const sales = await requestProjectSync("app_store_sales_backfill", target, triggerOf(ctx));
  // A key whose role cannot read Finance would fail every finance run the same way (and notify each time).
  const finance = lastTest?.reports?.finance;
  const financeSkipped = finance && !finance.ok && (finance.problem === "missing_role" || finance.problem === "individual_key") ? finance.hint : null;
  const financeRun = financeSkipped ? null : await requestProjectSync("app_store_finance_sync", target, triggerOf(ctx));
  return { runId: sales.run.id, status: sales.run.status, alreadyRunning: sales.alreadyRunning, financeRunId: financeRun?.run.id ?? null, financeSkipped };
}

/**
 * The backfill on connect: once a test finds that the key reads Sales reports for the vendor number, a project that
 * has never completed a backfill starts one (a failed one — a wrong vendor number, say — does not count).
 */
export async function backfillOnConnect(ctx: Pick<ProjectAccess, "teamId" | "projectId" | "caller">, test: ConnectionTest, enabled: boolean): Promise<ReportRunsRequested | null> {
  if (!enabled || !test.reports?.sales.ok) return null;
  if (await latestRun("app_store_sales_backfill", ctx.projectId, ["succeeded", "partial"])) return null;
  return requestReportRuns(ctx, test);
}

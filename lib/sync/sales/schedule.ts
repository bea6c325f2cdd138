import "server-only";
// The scheduled fan-outs: a project gets a queued run only when it has something to do — a daily report that is
// published and not yet stored (or due again after "not available yet" / a failure), apps whose mapping changed,
// or a fiscal month whose finance report is due. Hourly checks thus give hourly retries while Apple is late, and
// no run at all once everything is stored.
import { fiscalMonthContaining, latestPublishedSalesDay, previousFiscalMonth, type FiscalMonth } from "@/lib/apple/asc/reports";
import { addDays } from "@/lib/apple/asc/reports/values";
import { sqlPool } from "@/lib/db";
import { queueProjectRun } from "../runs";
import { projectsWithReports } from "./integration";
import { mappingIsStale } from "./mapping";
import { dueFinanceMonthsOf } from "./report-files";
import { DAILY_WINDOW_DAYS } from "./sync-sales";

/** Finance months looked after: the last twelve complete fiscal months. */
export const FINANCE_MONTHS = 12;
/** Days after a fiscal month's end before its finance report is asked for (Apple: "by the end of the next fiscal month"; often within a week). */
export const FINANCE_DELAY_DAYS = 7;

async function projectsWithDueSalesDays(projectIds: string[], now: Date): Promise<Set<string>> {
  if (projectIds.length === 0) return new Set();
  const latest = latestPublishedSalesDay(now);
  const { rows } = await sqlPool().query<{ project_id: string }>(
    `SELECT p.id::text AS project_id FROM unnest($1::uuid[]) AS p(id)
     WHERE EXISTS (
       SELECT 1 FROM generate_series($2::date, $3::date, interval '1 day') d
       LEFT JOIN asc_report_files r ON r.project_id = p.id AND r.kind = 'sales' AND r.frequency = 'DAILY' AND r.region_code = '' AND r.report_date = d::date
       WHERE r.id IS NULL OR (r.status IN ('not_available_yet', 'failed') AND (r.next_attempt_at IS NULL OR r.next_attempt_at <= $4::timestamptz)))`,
    [projectIds, addDays(latest, -(DAILY_WINDOW_DAYS - 1)), latest, now.toISOString()],
  );
  return new Set(rows.map((r) => r.project_id));
}

/** One queued app_store_sales_sync per project with a day due or a stale mapping (none while the project's backfill runs). */
export async function queueScheduledSalesRuns(now = new Date()): Promise<{ projectId: string; runId: string }[]> {
  const projects = await projectsWithReports();
  const due = await projectsWithDueSalesDays(projects.map((p) => p.projectId), now);
  const queued: { projectId: string; runId: string }[] = [];
  for (const project of projects) {
    if (!due.has(project.projectId) && !(await mappingIsStale(project.projectId))) continue;
    const { run, alreadyRunning } = await queueProjectRun("app_store_sales_sync", project, "schedule");
    if (!alreadyRunning) queued.push({ projectId: project.projectId, runId: run.id });
  }
  return queued;
}

/** The fiscal months the finance sync keeps: the last FINANCE_MONTHS whose report is due at `now`, newest first. */
export function dueFinanceMonths(now: Date): FiscalMonth[] {
  const today = now.toISOString().slice(0, 10);
  let month = previousFiscalMonth(fiscalMonthContaining(today));
  while (addDays(month.end, FINANCE_DELAY_DAYS) > today) month = previousFiscalMonth(month);
  const months: FiscalMonth[] = [];
  for (let i = 0; i < FINANCE_MONTHS; i++) {
    months.push(month);
    month = previousFiscalMonth(month);
  }
  return months;
}

/** One queued app_store_finance_sync per project with a fiscal month due. */
export async function queueScheduledFinanceRuns(now = new Date()): Promise<{ projectId: string; runId: string }[]> {
  const projects = await projectsWithReports();
  if (projects.length === 0) return [];
  const starts = dueFinanceMonths(now).map((m) => m.start);
  const due = new Set((await dueFinanceMonthsOf(projects.map((p) => p.projectId), starts, now, false)).map((r) => r.projectId));
  const queued: { projectId: string; runId: string }[] = [];
  for (const project of projects) {
    if (!due.has(project.projectId)) continue;
    const { run, alreadyRunning } = await queueProjectRun("app_store_finance_sync", project, "schedule");
    if (!alreadyRunning) queued.push({ projectId: project.projectId, runId: run.id });
  }
  return queued;
}

import "server-only";
// app_store_finance_sync for one project: the last twelve complete fiscal months' FINANCIAL (ZZ) reports, each
// asked for once it is due and again daily until Apple has it. Which reading of YYYY-MM Apple uses is learnt from
// the files (their Start Date) and kept for the next months.
import { createReportsStats, fiscalMonthContaining, readingOf, type FinanceDateReading } from "@/lib/apple/asc/reports";
import { db, sqlPool } from "@/lib/db";
import type { JobResult } from "../job";
import { createSyncRun, finishSyncRun, markRunRunning, updateRunProgress, type SyncStatus, type SyncTrigger } from "../runs";
import type { StepRunner } from "../steps";
import { reportsClientFor } from "./reports-client";
import { countFile, describeFileFailure, describeRetriedFailures, emptyReportCounters } from "./counters";
import { importFinanceMonth, type MonthResult } from "./import-finance-month";
import { loadReportsIntegration } from "./integration";
import { dueFinanceMonthsOf } from "./report-files";
import { dueFinanceMonths } from "./schedule";

export interface FinanceSyncInput {
  projectId: string;
  runId?: string;
  trigger: SyncTrigger;
  steps: StepRunner;
  now?: string;
  /** Exactly these fiscal months (their first day), whatever their state: a re-import asked for by hand. */
  months?: string[];
}

/** The reading the project's last imported finance file confirmed; fiscal period numbers until one did. */
async function knownReading(projectId: string): Promise<FinanceDateReading> {
  const { rows } = await sqlPool().query<{ label: string; start: string }>(
    `SELECT request_label AS label, report_date::text AS start FROM asc_report_files WHERE project_id = $1::uuid AND kind = 'finance' AND status = 'imported' ORDER BY imported_at DESC NULLS LAST LIMIT 1`,
    [projectId],
  );
  return (rows[0] && readingOf(rows[0].label, rows[0].start)) ?? "fiscal_period";
}

export async function syncFinanceReports(input: FinanceSyncInput): Promise<JobResult> {
  const started = await input.steps.run("start", async () => {
    const project = await db.project.findUnique({ where: { id: input.projectId }, select: { id: true, teamId: true } });
    if (!project) throw new Error(`Project ${input.projectId} does not exist.`);
    const target = { teamId: project.teamId, projectId: project.id };
    let runId = input.runId;
    if (runId) await markRunRunning(runId);
    else runId = (await createSyncRun({ kind: "app_store_finance_sync", scope: "project", trigger: input.trigger, ...target, status: "running" })).id;
    const now = input.now ?? new Date().toISOString();
    const { refusal } = await loadReportsIntegration(target);
    const months = dueFinanceMonths(new Date(now)).map((m) => m.start);
    const due = await dueFinanceMonthsOf([target.projectId], months, new Date(now), input.trigger !== "schedule");
    const chosen = input.months ? months.filter((m) => input.months!.includes(m)) : due.map((r) => r.start);
    return { runId, ...target, now, refusal, months: chosen, reading: await knownReading(target.projectId) };
  });
  const counters = emptyReportCounters();
  Object.assign(counters, { due: started.months.length, from: started.months.at(-1) ?? null, to: started.months[0] ?? null });
  let reading: FinanceDateReading = started.reading;
  let abortReason: string | null = started.refusal;
  let readingMismatches = 0;
  // The final result per month: a month re-asked after the reading changed counts once, with its last answer.
  const finals = new Map<string, MonthResult>();
  const queue = abortReason ? [] : started.months.map((start) => ({ start, reading }));
  for (let i = 0; i < queue.length; i++) {
    const { start } = queue[i];
    const before = reading;
    const step = await input.steps.run(`month-${start}-${before}`, async () => {
      const { integration, refusal } = await loadReportsIntegration(started);
      if (!integration) throw new Error(refusal ?? "The integration changed during the run.");
      const stats = createReportsStats();
      const client = reportsClientFor(integration.credentials, stats);
      const target = { teamId: started.teamId, projectId: started.projectId, vendorNumber: integration.vendorNumber, runId: started.runId };
      const month = fiscalMonthContaining(start);
      const results: MonthResult[] = [await importFinanceMonth(client, target, month, reading, new Date(started.now))];
      const mismatch = results[0].mismatch;
      // The file was another month's: Apple reads YYYY-MM the other way. Ask again for this month with that reading.
      if (mismatch?.reading && mismatch.reading !== reading) results.push(await importFinanceMonth(client, target, month, mismatch.reading, new Date(started.now)));
      await updateRunProgress(started.runId, { monthsDone: Math.min(i + 1, started.months.length), monthsTotal: started.months.length, month: start });
      return { results, reading: mismatch?.reading ?? reading, requests: stats.requests, retries: stats.retries, rateLimitWaits: stats.rateLimitWaits };
    });
    reading = step.reading;
    counters.requests += step.requests;
    counters.retries += step.retries;
    counters.rateLimitWaits += step.rateLimitWaits;
    const last = step.results.at(-1)!;
    if (step.results.length > 1) readingMismatches++;
    finals.set(start, last);
    // Months that were "not available yet" under the reading just disproved were asked for the wrong month: again.
    if (reading !== before) for (const [m, r] of finals) if (r.status === "not_available_yet" && !queue.slice(i + 1).some((x) => x.start === m)) queue.push({ start: m, reading });
    if (last.failure?.abort) {
      abortReason = `Stopped at the fiscal month starting ${describeFileFailure({ date: start, ...last.failure })}`;
      break;
    }
  }
  for (const r of finals.values()) countFile(counters, r);
  counters.aborted = abortReason !== null && started.refusal === null;
  counters.abortReason = abortReason;
  return input.steps.run("finish", async () => {
    const c = { ...counters, reading, readingMismatches } as unknown as Record<string, unknown>;
    const stored = counters.imported + counters.unchanged + counters.noSales + counters.unavailable;
    const status: SyncStatus = started.refusal || (abortReason && stored === 0) ? "failed" : abortReason || counters.failed > 0 ? "partial" : "succeeded";
    const failedNote = describeRetriedFailures(counters, (n) => `${n} fiscal ${n === 1 ? "month" : "months"} could not be read and will be retried.`);
    const error = [abortReason, failedNote].filter((s): s is string => Boolean(s)).map((s) => (/[.!?]$/.test(s) ? s : `${s}.`)).join(" ") || null;
    await finishSyncRun(started.runId, { status, counters: c, error, progress: { monthsDone: counters.done, monthsTotal: counters.due } });
    return { runId: started.runId, status, counters: c, error } satisfies JobResult;
  });
}

import "server-only";
// app_store_sales_sync and app_store_sales_backfill for one project: the days due (the last 35, or everything
// Apple still keeps for a backfill), newest first, a few per step; each day one file in one transaction.
import { createReportsStats, latestPublishedSalesDay, oldestRetainedSalesDay } from "@/lib/apple/asc/reports";
import { addDays } from "@/lib/apple/asc/reports/values";
import { db, sqlPool } from "@/lib/db";
import type { JobResult } from "../job";
import { createSyncRun, finishSyncRun, markRunRunning, updateRunProgress, type SyncKind, type SyncStatus, type SyncTrigger } from "../runs";
import type { StepRunner } from "../steps";
import { reportsClientFor } from "./reports-client";
import { countFile, describeFileFailure, describeRetriedFailures, emptyReportCounters, type ReportSyncCounters } from "./counters";
import { importSalesDay, type DayResult } from "./import-sales-day";
import { loadReportsIntegration } from "./integration";
import { rebuildDaysOf, refreshMapping } from "./mapping";
import { dueSalesDays } from "./report-files";

export type SalesSyncMode = "daily" | "backfill";

/** Days the daily run looks back over (late files, retries of days Apple had not published). */
export const DAILY_WINDOW_DAYS = 35;
const DAYS_PER_STEP = 7;
/** Transient failures in a row (5xx after retries, no answer, broken downloads) that stop a run. */
const TRANSIENT_STREAK_LIMIT = 3;

export interface SalesSyncInput {
  projectId: string;
  runId?: string;
  trigger: SyncTrigger;
  steps: StepRunner;
  mode: SalesSyncMode;
  /** Defaults to the moment the run starts (tests pin it). */
  now?: string;
  /** Days downloaded and stored at the same time. Default 2. */
  concurrency?: number;
  /** Exactly these days (YYYY-MM-DD), whatever their state: a re-import asked for by hand. */
  days?: string[];
}

interface Started {
  runId: string;
  teamId: string;
  projectId: string;
  refusal: string | null;
  now: string;
  latest: string;
  from: string;
  days: string[];
  remapped: number;
  daysRebuilt: number;
}

export const kindOf = (mode: SalesSyncMode): SyncKind => (mode === "backfill" ? "app_store_sales_backfill" : "app_store_sales_sync");

async function start(input: SalesSyncInput): Promise<Started> {
  const project = await db.project.findUnique({ where: { id: input.projectId }, select: { id: true, teamId: true } });
  if (!project) throw new Error(`Project ${input.projectId} does not exist.`);
  const target = { teamId: project.teamId, projectId: project.id };
  let runId = input.runId;
  if (runId) await markRunRunning(runId);
  else runId = (await createSyncRun({ kind: kindOf(input.mode), scope: "project", trigger: input.trigger, ...target, status: "running" })).id;
  const now = input.now ?? new Date().toISOString();
  const latest = latestPublishedSalesDay(new Date(now));
  const from = input.mode === "backfill" ? oldestRetainedSalesDay(latest) : addDays(latest, -(DAILY_WINDOW_DAYS - 1));
  const { refusal } = await loadReportsIntegration(target);
  if (refusal) return { runId, ...target, refusal, now, latest, from, days: [], remapped: 0, daysRebuilt: 0 };
  // Apps added or removed since the last run: their days' rollups first.
  const mapping = await refreshMapping(target);
  const days = input.days
    ? [...new Set(input.days)].filter((d) => d >= oldestRetainedSalesDay(latest) && d <= latest).sort().reverse()
    : await dueSalesDays(target, from, latest, new Date(now), input.mode === "backfill" || input.trigger !== "schedule");
  await updateRunProgress(runId, { daysDone: 0, daysTotal: days.length, from, to: latest });
  return { runId, ...target, refusal: null, now, latest, from, days, remapped: mapping.remapped, daysRebuilt: mapping.daysRebuilt };
}

interface StepOutcome {
  results: DayResult[];
  requests: number;
  retries: number;
  rateLimitWaits: number;
}

async function importDays(input: SalesSyncInput, started: Started, days: string[], counters: ReportSyncCounters): Promise<StepOutcome> {
  const { integration, refusal } = await loadReportsIntegration(started);
  if (!integration) throw new Error(refusal ?? "The integration changed during the run.");
  const stats = createReportsStats();
  const client = reportsClientFor(integration.credentials, stats);
  const target = { teamId: started.teamId, projectId: started.projectId, vendorNumber: integration.vendorNumber, runId: started.runId };
  const context = { latest: started.latest, now: new Date(started.now) };
  const results: DayResult[] = [];
  const queue = [...days];
  let stop = false;
  let streak = 0;
  const worker = async () => {
    while (!stop && queue.length > 0) {
      const day = queue.shift()!;
      const result = await importSalesDay(client, target, day, context);
      results.push(result);
      const transient = result.failure !== null && (result.failure.status === "network" || result.failure.status.startsWith("5"));
      streak = transient ? streak + 1 : 0;
      if (result.failure?.abort || streak >= TRANSIENT_STREAK_LIMIT) stop = true;
      await updateRunProgress(started.runId, { daysDone: counters.done + results.length, daysTotal: started.days.length, day, from: started.from, to: started.latest });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.concurrency ?? 2) }, worker));
  return { results, requests: stats.requests, retries: stats.retries, rateLimitWaits: stats.rateLimitWaits };
}

export async function syncSalesReports(input: SalesSyncInput): Promise<JobResult> {
  const started = await input.steps.run("start", () => start(input));
  const counters = emptyReportCounters();
  Object.assign(counters, { from: started.from, to: started.latest, due: started.days.length, remappedIdentifiers: started.remapped, daysRebuilt: started.daysRebuilt });
  let abortReason = started.refusal;
  const remapped = new Set<string>();
  for (let i = 0; !abortReason && i < started.days.length; i += DAYS_PER_STEP) {
    const chunk = started.days.slice(i, i + DAYS_PER_STEP);
    const step = await input.steps.run(`days-${chunk[0]}`, () => importDays(input, started, chunk, counters));
    counters.requests += step.requests;
    counters.retries += step.retries;
    counters.rateLimitWaits += step.rateLimitWaits;
    let streak = 0;
    for (const r of step.results) {
      countFile(counters, r);
      r.remapped.forEach((id) => remapped.add(id));
      const transient = r.failure !== null && (r.failure.status === "network" || r.failure.status.startsWith("5"));
      streak = transient ? streak + 1 : 0;
      if (r.failure?.abort) abortReason = `Stopped at ${r.day}: ${describeFileFailure({ date: r.day, ...r.failure }).slice(12)}`;
      else if (streak >= TRANSIENT_STREAK_LIMIT && !abortReason) abortReason = `Stopped after ${streak} days in a row failed; the last: ${describeFileFailure({ date: r.day, ...r.failure! })}`;
    }
  }
  counters.aborted = abortReason !== null && started.refusal === null;
  counters.abortReason = abortReason;

  return input.steps.run("finish", async () => {
    if (!started.refusal) {
      const target = { teamId: started.teamId, projectId: started.projectId };
      counters.daysRebuilt += await rebuildDaysOf(target, [...remapped]);
      counters.remappedIdentifiers += remapped.size;
      const end = await refreshMapping(target);
      counters.remappedIdentifiers += end.remapped;
      counters.daysRebuilt += end.daysRebuilt;
      const { rows } = await sqlPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM sales_identifiers WHERE project_id = $1::uuid AND app_id IS NULL`, [started.projectId]);
      counters.unmappedIdentifiers = rows[0]?.n ?? 0;
    }
    const stored = counters.imported + counters.unchanged + counters.noSales + counters.unavailable;
    const status: SyncStatus = started.refusal || (abortReason && stored === 0) ? "failed" : abortReason || counters.failed > 0 ? "partial" : "succeeded";
    const failedNote = describeRetriedFailures(
      counters,
      (n) => `${n} of ${counters.due} ${counters.due === 1 ? "day" : "days"} could not be read; ${n === 1 ? "it is" : "they are"} retried later and nothing stored for ${n === 1 ? "it" : "them"} was changed.`,
    );
    const error = [abortReason, failedNote].filter((s): s is string => Boolean(s)).map((s) => (/[.!?]$/.test(s) ? s : `${s}.`)).join(" ") || null;
    const c = counters as unknown as Record<string, unknown>;
    await finishSyncRun(started.runId, { status, counters: c, error, progress: { daysDone: counters.done, daysTotal: counters.due, from: started.from, to: started.latest } });
    return { runId: started.runId, status, counters: c, error } satisfies JobResult;
  });
}

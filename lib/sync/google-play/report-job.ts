import "server-only";
// The shape both report imports share (the review backfill and the ratings import): per Android app, list its files in
// the bucket, skip the generations already imported, read each other file in a step of its own (streamed, batches
// written set-wise), mark it imported; then an optional per-app step. Counters and the run's end as the other syncs.
import type { GoogleClients } from "@/lib/google/clients";
import { googleFailureOf, type GoogleFailure } from "@/lib/google/describe";
import type { ReportRecord } from "@/lib/google/reports/csv";
import type { JobResult } from "@/lib/sync/job";
import { finishSyncRun, updateRunProgress, type SyncKind } from "../runs";
import { addPlayCounters, emptyPlayReportCounters, playRunOutcome, recordPlayFailure, type PlayAppFailure, type PlayReportCounters } from "./counters";
import { stepClients } from "./clients";
import { importedFiles, listReportFiles, markImported, readReportFile, type ReportFile } from "./report-files";
import { startPlayRun, type PlayApp, type PlayJobInput, type PlayRun } from "./start";

type NumericDelta = Partial<Record<keyof PlayReportCounters, number>>;

export interface FileImporter {
  /** Handles one batch of records; returns the counters it moved. */
  onBatch(records: ReportRecord[]): Promise<NumericDelta>;
  /** After the whole file was read (e.g. fix the latest-row flags); its counters. */
  finish?(): Promise<NumericDelta>;
}

export interface ReportJobSpec<Notice = never> {
  kind: SyncKind;
  during: PlayAppFailure["during"];
  prefix(packageName: string): string;
  /** Which files of the prefix to read, in this order within a month (null = the reviews file). */
  dimensions: (string | null)[];
  importer(run: PlayRun, app: PlayApp, file: ReportFile): FileImporter;
  /** One more step per app after its files (the ratings rollup): its counters, and what to tell (JSON-safe), if anything. */
  afterApp?: (run: PlayRun, app: PlayApp, filesImported: number) => Promise<{ delta: NumericDelta; notice: Notice | null }>;
  /**
   * Tells what afterApp found, in a step of its own: a retried step tells it from afterApp's recorded answer, not from
   * a second rollup that would find nothing changed.
   */
  announce?: (run: PlayRun, app: PlayApp, notice: Notice) => Promise<NumericDelta>;
}

interface ListStep {
  files: ReportFile[];
  toImport: ReportFile[];
  failure: GoogleFailure | null;
  retries: number;
  tokenRequests: number;
  clockCorrections: number;
}

interface FileStep {
  outcome: "read" | "missing" | "failed";
  delta: NumericDelta;
  samples: { line: number; reason: string }[];
  failure: GoogleFailure | null;
  retries: number;
}

const statsOf = (c: GoogleClients) => ({ retries: c.stats.retries, tokenRequests: c.stats.tokenRequests, clockCorrections: c.stats.clockCorrections });
const disabled = (reason: string): GoogleFailure => ({ service: "Starboard", status: "disabled", code: null, detail: null, hint: "", message: reason, abort: true });

async function listStep<N>(spec: ReportJobSpec<N>, run: PlayRun, app: PlayApp, input: PlayJobInput): Promise<ListStep> {
  const step = await stepClients(run, input.google);
  if (!step.ok) return { files: [], toImport: [], failure: disabled(step.reason), retries: 0, tokenRequests: 0, clockCorrections: 0 };
  try {
    const files = await listReportFiles(step.clients, run.reportsBucket!, spec.prefix(app.packageName), app.packageName, spec.dimensions);
    const done = await importedFiles(app.appId, files);
    return { files, toImport: files.filter((f) => !done.has(f.name)), failure: null, ...statsOf(step.clients) };
  } catch (error) {
    return { files: [], toImport: [], failure: googleFailureOf(error), ...statsOf(step.clients) };
  }
}

async function fileStep<N>(spec: ReportJobSpec<N>, run: PlayRun, app: PlayApp, file: ReportFile, input: PlayJobInput): Promise<FileStep> {
  const step = await stepClients(run, input.google);
  if (!step.ok) return { outcome: "failed", delta: {}, samples: [], failure: disabled(step.reason), retries: 0 };
  const importer = spec.importer(run, app, file);
  const delta: Record<string, number> = {};
  const add = (d: NumericDelta) => {
    for (const [k, v] of Object.entries(d)) delta[k] = (delta[k] ?? 0) + (v ?? 0);
  };
  const read = await readReportFile(step.clients, run.reportsBucket!, file.name, async (records) => add(await importer.onBatch(records)));
  if (read.outcome === "read") {
    if (importer.finish) add(await importer.finish());
    add({ rows: read.records, malformedRows: read.malformed, filesImported: 1 });
    await markImported({ appId: app.appId, teamId: run.teamId, projectId: run.projectId }, run.reportsBucket!, file, read.records, delta.malformedRows ?? 0);
  } else if (read.outcome === "missing") add({ filesMissing: 1 });
  return { outcome: read.outcome, delta, samples: read.malformedSamples, failure: read.failure, retries: step.clients.stats.retries };
}

/** Returns the failure that stops the whole run (key, API or bucket refused), if any. */
async function importApp<N>(spec: ReportJobSpec<N>, input: PlayJobInput, run: PlayRun, app: PlayApp, counters: PlayReportCounters): Promise<GoogleFailure | null> {
  const listed = await input.steps.run(`app-${app.appId}-list`, () => listStep(spec, run, app, input));
  addPlayCounters(counters, { retries: listed.retries, tokenRequests: listed.tokenRequests, clockCorrections: listed.clockCorrections, files: listed.files.length, filesUnchanged: listed.files.length - listed.toImport.length });
  let failure = listed.failure;
  let written = 0;
  let imported = 0;
  for (const [i, file] of (failure ? [] : listed.toImport).entries()) {
    const step = await input.steps.run(`app-${app.appId}-file-${file.name}`, async () => {
      const r = await fileStep(spec, run, app, file, input);
      await updateRunProgress(run.runId, { app: app.name, appId: app.appId, file: file.name, files: `${i + 1}/${listed.toImport.length}` });
      return r;
    });
    addPlayCounters(counters, { ...step.delta, retries: step.retries });
    written += (step.delta.inserted ?? 0) + (step.delta.updated ?? 0) + (step.delta.ratingRows ?? 0);
    imported += step.delta.filesImported ?? 0;
    for (const s of step.samples) if (counters.malformedSamples.length < 10) counters.malformedSamples.push({ file: file.name, line: s.line, reason: s.reason });
    if (step.failure) {
      failure = step.failure;
      break;
    }
  }
  if (!failure && spec.afterApp) {
    const { afterApp, announce } = spec;
    const after = await input.steps.run(`app-${app.appId}-after`, () => afterApp(run, app, imported));
    addPlayCounters(counters, after.delta);
    const notice = after.notice;
    if (announce && notice !== null) addPlayCounters(counters, await input.steps.run(`app-${app.appId}-announce`, () => announce(run, app, notice)));
  }
  if (!failure) {
    counters.appsCompleted++;
    return null;
  }
  if (failure.abort) return failure;
  recordPlayFailure(counters, app, spec.during, failure, written);
  return null;
}

export async function runReportJob<N>(spec: ReportJobSpec<N>, input: PlayJobInput): Promise<JobResult> {
  const run = await input.steps.run("start", () => startPlayRun(spec.kind, input, { needsBucket: true }));
  const counters = emptyPlayReportCounters();
  counters.apps = run.apps.length;
  counters.appsWithoutPackage = run.appsWithoutPackage;
  counters.abortReason = run.refusal;
  for (const app of run.refusal ? [] : run.apps) {
    const abort = await importApp(spec, input, run, app, counters);
    if (abort) {
      counters.abortReason = `Stopped at ${app.name}: ${abort.message}`;
      counters.errorsByStatus[abort.status] = (counters.errorsByStatus[abort.status] ?? 0) + 1;
      break;
    }
  }
  counters.aborted = counters.abortReason !== null;
  const { status, error } = playRunOutcome(counters);
  await input.steps.run("finish", async () => {
    await finishSyncRun(run.runId, { status, counters: counters as unknown as Record<string, unknown>, error });
    return null;
  });
  return { runId: run.runId, status, counters: counters as unknown as Record<string, unknown>, error };
}

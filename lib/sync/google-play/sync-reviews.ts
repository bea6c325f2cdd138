import "server-only";
// google_play_reviews_sync for one project: every Android app's reviews of the last 7 days from the Play API, a few
// pages per step (each page written set-wise), then the app's new reviews announced once. Run every 6 hours so no
// review leaves the API's 7-day window unseen.
import { db } from "@/lib/db";
import { googleFailureOf, type GoogleFailure } from "@/lib/google/describe";
import type { JobResult } from "@/lib/sync/job";
import { finishSyncRun, updateRunProgress } from "../runs";
import { notifyNewReviews } from "../reviews/notify-new-reviews";
import { addPlayCounters, emptyPlayReviewCounters, playRunOutcome, recordPlayFailure, type PlayReviewSyncCounters } from "./counters";
import { stepClients } from "./clients";
import { startPlayRun, type PlayApp, type PlayJobInput, type PlayRun } from "./start";
import { writePlayReviews } from "./write-reviews";

/** 100 reviews a page, 10 pages a step: a week of even a busy app's reviews is one or two steps. */
export const PLAY_PAGES_PER_STEP = 10;
export const PLAY_PAGE_SIZE = 100;

interface PagesStep {
  pages: number;
  inserted: number;
  updated: number;
  unchanged: number;
  malformedReviews: number;
  nextToken: string | null;
  done: boolean;
  retries: number;
  quotaWaits: number;
  quotaWaitMs: number;
  tokenRequests: number;
  clockCorrections: number;
  failure: GoogleFailure | null;
}

async function fetchPages(run: PlayRun, app: PlayApp, token: string | null, input: PlayJobInput): Promise<PagesStep> {
  const result: PagesStep = { pages: 0, inserted: 0, updated: 0, unchanged: 0, malformedReviews: 0, nextToken: token, done: false, retries: 0, quotaWaits: 0, quotaWaitMs: 0, tokenRequests: 0, clockCorrections: 0, failure: null };
  const step = await stepClients(run, input.google);
  if (!step.ok) {
    result.failure = { service: "Starboard", status: "disabled", code: null, detail: null, hint: "", message: step.reason, abort: true };
    return result;
  }
  const { clients } = step;
  const target = { teamId: run.teamId, projectId: run.projectId, appId: app.appId, announce: app.hadReviews };
  try {
    let stoppedEarly = false;
    for await (const page of clients.play.listReviews(app.packageName, { maxResults: PLAY_PAGE_SIZE, token })) {
      const written = await writePlayReviews(target, page.reviews, "authoritative");
      if (page.malformed.length > 0) console.warn(`starboard: skipped ${page.malformed.length} review(s) of ${app.packageName} Google Play sent unreadable: ${page.malformed.map((m) => `${m.id ?? "?"} (${m.reason})`).join(", ")}`);
      result.pages++;
      result.malformedReviews += page.malformed.length;
      result.inserted += written.inserted;
      result.updated += written.updated;
      result.unchanged += written.unchanged;
      result.nextToken = page.nextPageToken;
      if (page.nextPageToken && result.pages >= PLAY_PAGES_PER_STEP) {
        stoppedEarly = true;
        break;
      }
    }
    // listReviews ends by itself on the last page, an empty page or a repeated token.
    result.done = !stoppedEarly;
  } catch (error) {
    result.failure = googleFailureOf(error);
  }
  Object.assign(result, { retries: clients.stats.retries, quotaWaits: clients.stats.quotaWaits, quotaWaitMs: clients.stats.quotaWaitMs, tokenRequests: clients.stats.tokenRequests, clockCorrections: clients.stats.clockCorrections });
  return result;
}

/** Returns the failure that stops the whole run (the key or the API refused), if any. */
async function syncApp(input: PlayJobInput, run: PlayRun, app: PlayApp, counters: PlayReviewSyncCounters): Promise<GoogleFailure | null> {
  let token: string | null = null;
  let inserted = 0;
  let failure: GoogleFailure | null = null;
  for (let chunk = 0; ; chunk++) {
    const from = token;
    const step = await input.steps.run(`app-${app.appId}-pages-${chunk}`, async () => {
      const r = await fetchPages(run, app, from, input);
      await updateRunProgress(run.runId, { app: app.name, appId: app.appId, pages: counters.pages + r.pages });
      return r;
    });
    const { failure: stepFailure, nextToken, done, ...numbers } = step;
    addPlayCounters(counters, numbers);
    inserted += step.inserted;
    if (stepFailure) {
      failure = stepFailure;
      break;
    }
    if (done) break;
    token = nextToken;
  }
  // Whatever was inserted is announced, also when the app could not be read completely.
  if ((app.hadReviews && inserted > 0) || app.announcePending) await input.steps.run(`app-${app.appId}-notify`, () => notifyNewReviews(run, app));
  if (!failure) {
    counters.appsCompleted++;
    return null;
  }
  if (failure.abort) return failure;
  recordPlayFailure(counters, app, "reviews", failure, inserted);
  return null;
}

export async function syncPlayReviews(input: PlayJobInput): Promise<JobResult> {
  const run = await input.steps.run("start", () => startPlayRun("google_play_reviews_sync", input, { needsBucket: false }));
  const counters = emptyPlayReviewCounters();
  counters.apps = run.apps.length;
  counters.appsWithoutPackage = run.appsWithoutPackage;
  counters.abortReason = run.refusal;
  for (const app of run.refusal ? [] : run.apps) {
    const abort = await syncApp(input, run, app, counters);
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
    await db.googlePlayConnection.updateMany({ where: { projectId: run.projectId, teamId: run.teamId }, data: { lastSyncAt: new Date(), lastSyncStatus: status, lastSyncError: error } });
    return null;
  });
  return { runId: run.runId, status, counters: counters as unknown as Record<string, unknown>, error };
}

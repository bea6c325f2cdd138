import "server-only";
// One app of a project run, as named steps: pages (a few per step) → reconcile → replies → notify.
import type { StepRunner } from "../steps";
import { updateRunProgress } from "../runs";
import { addCounters, type AppFailure, type ReviewSyncCounters } from "./counters";
import { fetchReviewPages, type StepFailure } from "./fetch-pages";
import { notifyNewReviews } from "./notify-new-reviews";
import { deleteUnseenReviews } from "./reconcile";
import { refreshReplies } from "./refresh-replies";
import type { AppToSync, RunContext } from "./run-context";

function recordFailure(counters: ReviewSyncCounters, app: AppToSync, during: AppFailure["during"], failure: StepFailure, inserted: number) {
  addCounters(counters, { errorsByStatus: { [failure.status]: 1 } });
  counters.appFailures.push({ appId: app.appId, app: app.name, during, status: failure.status, code: failure.code, detail: failure.detail ?? failure.message, hint: failure.hint, inserted });
}

/** Returns the failure that should abort the whole run (401/403), if any. */
export async function syncAppReviews(steps: StepRunner, run: RunContext, app: AppToSync, counters: ReviewSyncCounters): Promise<StepFailure | null> {
  const { inserted, failure } = await readApp(steps, run, app, counters);
  // Whatever was inserted is announced now, also when the app could not be read completely (a first sync's
  // reviews are its history and wait for nobody).
  if ((app.hadReviews && inserted > 0) || app.announcePending) await steps.run(`app-${app.appId}-notify`, () => notifyNewReviews(run, app));
  return failure?.abort ? failure : null;
}

/** Pages (a few per step) → reconcile → replies; stops at the first failure, which it records. */
async function readApp(steps: StepRunner, run: RunContext, app: AppToSync, counters: ReviewSyncCounters): Promise<{ inserted: number; failure: StepFailure | null }> {
  // The first sync of an app is its history, not news.
  const target = { teamId: run.teamId, projectId: run.projectId, appId: app.appId, runKey: run.runId, appStoreId: app.appStoreId, announce: app.hadReviews };
  let nextUrl: string | null = null;
  let inserted = 0;
  for (let chunk = 0; ; chunk++) {
    const startUrl = nextUrl;
    const step = await steps.run(`app-${app.appId}-pages-${chunk}`, async () => {
      const r = await fetchReviewPages(target, startUrl);
      await updateRunProgress(run.runId, { app: app.name, appId: app.appId, pages: counters.pages + r.pages });
      return r;
    });
    addCounters(counters, { pages: step.pages, inserted: step.inserted, updated: step.updated, unchanged: step.unchanged, malformedReviews: step.malformed ?? 0, rateLimitWaits: step.rateLimitWaits, retries: step.retries });
    inserted += step.inserted;
    if (step.failure) {
      // An incomplete view of Apple never deletes rows nor clears replies: skip reconcile and refresh.
      recordFailure(counters, app, "reviews", step.failure, inserted);
      counters.appsIncomplete++;
      return { inserted, failure: step.failure };
    }
    if (step.done) break;
    nextUrl = step.nextUrl;
  }

  counters.deleted += await steps.run(`app-${app.appId}-reconcile`, () => deleteUnseenReviews(app.appId, run.runId));
  const replies = await steps.run(`app-${app.appId}-replies`, () => refreshReplies(target));
  addCounters(counters, {
    pendingChecked: replies.pendingChecked,
    responsesRefreshed: replies.responsesRefreshed,
    responsesCleared: replies.responsesCleared,
    rateLimitWaits: replies.rateLimitWaits,
    retries: replies.retries,
  });
  if (replies.failure) {
    recordFailure(counters, app, "replies", replies.failure, inserted);
    counters.appsIncomplete++;
    return { inserted, failure: replies.failure };
  }
  counters.appsCompleted++;
  return { inserted, failure: null };
}

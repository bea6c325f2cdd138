import "server-only";
// One app of a project run, as named steps: pages (a few per step) → reconcile → replies → notify.
import { db } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";
import type { StepRunner } from "../steps";
import { updateRunProgress } from "../runs";
import { addCounters, type ReviewSyncCounters } from "./counters";
import { fetchReviewPages, type StepFailure } from "./fetch-pages";
import { deleteUnseenReviews } from "./reconcile";
import { refreshReplies } from "./refresh-replies";

export interface AppToSync {
  appId: string;
  name: string;
  appStoreId: string;
  hadReviews: boolean;
}

export interface RunContext {
  runId: string;
  teamId: string;
  projectId: string;
  startedAt: string;
}

function recordFailure(counters: ReviewSyncCounters, failure: StepFailure) {
  addCounters(counters, { errorsByStatus: { [failure.status]: 1 } });
}

/** Returns the failure that should abort the whole run (401/403), if any. */
export async function syncAppReviews(steps: StepRunner, run: RunContext, app: AppToSync, counters: ReviewSyncCounters): Promise<StepFailure | null> {
  const target = { teamId: run.teamId, projectId: run.projectId, appId: app.appId, runKey: run.runId, appStoreId: app.appStoreId };
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
      recordFailure(counters, step.failure);
      counters.appsIncomplete++;
      return step.failure.abort ? step.failure : null;
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
    recordFailure(counters, replies.failure);
    counters.appsIncomplete++;
    return replies.failure.abort ? replies.failure : null;
  }
  counters.appsCompleted++;

  // The first sync of an app is its history, not news.
  if (app.hadReviews && inserted > 0) {
    await steps.run(`app-${app.appId}-notify`, () => notifyNewReviews(run, app, inserted));
  }
  return null;
}

async function notifyNewReviews(run: RunContext, app: AppToSync, count: number): Promise<number> {
  const newInRun = { appId: app.appId, ingestedAt: { gte: new Date(run.startedAt) } };
  // The stars of this run's reviews feed each member's star filter; read here, beside the newest review,
  // rather than by notify() re-reading the run afterwards.
  const [newest, ratings] = await Promise.all([
    db.appStoreReview.findFirst({
      where: newInRun,
      orderBy: [{ createdAtInStore: "desc" }, { id: "desc" }],
      select: { id: true, rating: true, title: true, body: true },
    }),
    db.appStoreReview.findMany({ where: newInRun, distinct: ["rating"], select: { rating: true } }),
  ]);
  const reviewStars = ratings.map((r) => r.rating).sort((a, b) => a - b);
  const text = [newest?.title, newest?.body].filter(Boolean).join(" — ");
  const snippet = text.length > 140 ? `${text.slice(0, 139)}…` : text;
  return notify({
    type: "app.review_new",
    teamId: run.teamId,
    projectId: run.projectId,
    appId: app.appId,
    syncRunId: run.runId,
    title: `${count} new review${count === 1 ? "" : "s"} for ${app.name}`,
    body: newest ? `${"★".repeat(newest.rating)} ${snippet}` : null,
    link: newest ? `/dashboard/reviews?project=${run.projectId}&app=${app.appId}&review=${newest.id}` : `/dashboard/reviews?app=${app.appId}`,
    ...(reviewStars.length ? { reviewStars } : {}),
  });
}

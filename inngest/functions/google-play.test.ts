// Pins what Inngest registers for the Google Play jobs: a change here changes production scheduling.
import { describe, expect, it } from "vitest";
import { knownJobs } from "@/lib/jobs/registry";
import { functions } from "./index";
import { PLAY_RATINGS_CRON, PLAY_REVIEWS_CRON, playRatingsSyncProject, playRatingsSyncScheduled, playReviewsBackfillProject, playReviewsSyncProject, playReviewsSyncScheduled } from "./google-play";

const pick = (fn: unknown) => {
  const { id, triggers, concurrency, retries } = (fn as { opts: Record<string, unknown> }).opts;
  return { id, triggers, concurrency, retries };
};
const perProject = [{ key: "event.data.projectId", limit: 1 }];

describe("Google Play Inngest functions", () => {
  it("are served, and the job command knows the three jobs", () => {
    for (const fn of [playReviewsSyncScheduled, playReviewsSyncProject, playReviewsBackfillProject, playRatingsSyncScheduled, playRatingsSyncProject]) expect(functions).toContain(fn);
    expect(knownJobs()).toEqual(expect.arrayContaining(["google_play_reviews_sync", "google_play_reviews_backfill", "google_play_ratings_sync"]));
  });

  it("reviews every 6 hours (the API shows 7 days), ratings daily at 07:00 UTC", () => {
    expect(PLAY_REVIEWS_CRON).toBe("TZ=UTC 0 */6 * * *");
    expect(PLAY_RATINGS_CRON).toBe("TZ=UTC 0 7 * * *");
    expect(pick(playReviewsSyncScheduled)).toMatchObject({ id: "google-play-reviews-sync-scheduled", triggers: [{ cron: PLAY_REVIEWS_CRON }] });
    expect(pick(playRatingsSyncScheduled)).toMatchObject({ id: "google-play-ratings-sync-scheduled", triggers: [{ cron: PLAY_RATINGS_CRON }] });
  });

  it("the per-project runs: one at a time per project, with step retries", () => {
    expect(pick(playReviewsSyncProject)).toEqual({ id: "google-play-reviews-sync-project", triggers: [{ event: "google-play/reviews.sync.requested" }], concurrency: perProject, retries: 3 });
    expect(pick(playReviewsBackfillProject)).toEqual({ id: "google-play-reviews-backfill-project", triggers: [{ event: "google-play/reviews.backfill.requested" }], concurrency: perProject, retries: 3 });
    expect(pick(playRatingsSyncProject)).toEqual({ id: "google-play-ratings-sync-project", triggers: [{ event: "google-play/ratings.sync.requested" }], concurrency: perProject, retries: 3 });
  });
});

-- Every review a sync inserts is announced (app.review_new) exactly once, whether the run that inserted it
-- completed or stopped half-way: it is inserted with announce_pending (unless it is part of an app's first sync,
-- its history), and the run's notify step claims the app's pending reviews and marks them with its run id in one
-- UPDATE … RETURNING — a retried step finds them again by that id, and notify() dedupes per (app, run).
-- Reviews stored before this migration were announced (or history) already: the default needs no table rewrite.
ALTER TABLE "app_store_reviews"
  ADD COLUMN "announce_pending" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "announced_run_id" UUID;

CREATE INDEX "app_store_reviews_announce_pending_idx" ON "app_store_reviews"("app_id") WHERE "announce_pending";
CREATE INDEX "app_store_reviews_announced_run_idx" ON "app_store_reviews"("announced_run_id") WHERE "announced_run_id" IS NOT NULL;

-- Reviews sync: the ids seen by a run, so reconciliation after a complete pagination is one set-wise
-- DELETE in the database (no run holds every id in memory, no unchanged review row is rewritten).
-- UNLOGGED: it is scratch space, rebuilt by the next run after a crash.
CREATE UNLOGGED TABLE "review_sync_seen" (
  "run_key" TEXT NOT NULL,
  "app_id" UUID NOT NULL,
  "external_id" TEXT NOT NULL,
  -- Apple listed the review without its response: the refresh pass confirms by reading the response by id.
  "response_missing" BOOLEAN NOT NULL DEFAULT false,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "review_sync_seen_pkey" PRIMARY KEY ("run_key", "app_id", "external_id")
);
CREATE INDEX "review_sync_seen_created_at_idx" ON "review_sync_seen"("created_at");

-- Reviewer nickname search ("contains", any position) through a trigram index instead of a sequential scan.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "app_store_reviews_reviewer_nickname_trgm_idx" ON "app_store_reviews" USING GIN ("reviewer_nickname" gin_trgm_ops);

-- Replies still waiting to publish are re-read by id each run: find them without scanning the app's reviews.
CREATE INDEX "app_store_reviews_pending_response_idx" ON "app_store_reviews"("app_id") WHERE "developer_response_state" = 'PENDING_PUBLISH';

-- Google Play beside the App Store: a connection per project (service-account key, encrypted like the .p8),
-- Play reviews and ratings in the existing tables under store = 'google_play', the Play Console report files
-- already imported, and the three Play jobs.

-- A separate table rather than a provider row in "integrations": that table's ASC columns (key_type, key_id,
-- private_key_ciphertext) are NOT NULL and its project_id is UNIQUE, and the App Store Connect code reads "the"
-- integration of a project without naming a provider; a Play row there would be picked up by those reads.
CREATE TABLE "google_play_connections" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "team_id" UUID NOT NULL,
  "project_id" UUID NOT NULL,
  -- What may be shown of the key: the service account, its key id and its Cloud project. Never the key.
  "client_email" TEXT NOT NULL,
  "private_key_id" TEXT,
  "cloud_project_id" TEXT,
  -- The whole JSON key, AES-256-GCM sealed with the project id as additional data (lib/crypto/secret-box).
  "service_account_key_ciphertext" TEXT NOT NULL,
  -- The Play Console reports bucket (pubsite_prod_…), as the user copied it; NULL until given.
  "reports_bucket" TEXT,
  "enabled" BOOLEAN NOT NULL DEFAULT true,
  "last_tested_at" TIMESTAMPTZ(3),
  "last_test_ok" BOOLEAN,
  "last_test_result" JSONB,
  "last_sync_at" TIMESTAMPTZ(3),
  "last_sync_status" "sync_status",
  "last_sync_error" TEXT,
  "created_by_user_id" UUID,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "google_play_connections_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "google_play_connections_project_id_key" ON "google_play_connections"("project_id");
CREATE INDEX "google_play_connections_team_id_idx" ON "google_play_connections"("team_id");
ALTER TABLE "google_play_connections" ADD CONSTRAINT "google_play_connections_project_id_fkey"
  FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Report files (monthly review and ratings exports) already imported, by the object's generation: a re-run
-- downloads only files Google rewrote since (the current month's files change daily).
CREATE TABLE "google_play_report_files" (
  "app_id" UUID NOT NULL,
  "object_name" TEXT NOT NULL,
  "team_id" UUID NOT NULL,
  "project_id" UUID NOT NULL,
  "bucket" TEXT NOT NULL,
  "generation" TEXT NOT NULL,
  "rows" INTEGER NOT NULL,
  "malformed_rows" INTEGER NOT NULL,
  "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "google_play_report_files_pkey" PRIMARY KEY ("app_id", "object_name")
);
ALTER TABLE "google_play_report_files" ADD CONSTRAINT "google_play_report_files_app_id_fkey"
  FOREIGN KEY ("app_id") REFERENCES "apps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The two stores the store columns may hold.
ALTER TABLE "app_store_reviews" ADD CONSTRAINT "app_store_reviews_store_check" CHECK ("store" IN ('app_store', 'google_play'));
ALTER TABLE "app_store_ratings" ADD CONSTRAINT "app_store_ratings_store_check" CHECK ("store" IN ('app_store', 'google_play'));

-- Play reviews: the store's last-modified time of the review, so an edit (newer lastModified) replaces the row
-- and an older copy (a monthly export read after the API) never does. NULL for App Store reviews.
ALTER TABLE "app_store_reviews" ADD COLUMN "store_modified_at" TIMESTAMPTZ(3);

-- Play ratings: Play Console gives averages (daily and cumulative) but no counts. A count Play does not give is
-- NULL, never 0; App Store rows keep a count (the constraint), so nothing changes for them.
ALTER TABLE "app_store_ratings" ALTER COLUMN "rating_count" DROP NOT NULL;
ALTER TABLE "app_store_ratings" ADD CONSTRAINT "app_store_ratings_count_check" CHECK ("store" <> 'app_store' OR "rating_count" IS NOT NULL);
ALTER TABLE "app_store_ratings" ADD COLUMN "daily_average_rating" DECIMAL(3,2);
ALTER TABLE "app_worldwide_ratings" ALTER COLUMN "rating_count" DROP NOT NULL;
ALTER TABLE "app_worldwide_ratings" ADD COLUMN "daily_average_rating" DECIMAL(3,2);

ALTER TYPE "sync_kind" ADD VALUE 'google_play_reviews_sync';
ALTER TYPE "sync_kind" ADD VALUE 'google_play_reviews_backfill';
ALTER TYPE "sync_kind" ADD VALUE 'google_play_ratings_sync';

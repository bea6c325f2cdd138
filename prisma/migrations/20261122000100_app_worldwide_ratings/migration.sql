-- The worldwide rollup of each app per snapshot day, written by the ratings sync next to the per-country rows.
-- The history chart reads one row per day from here instead of summing ~175 country rows per day
-- (a year of one app is 365 rows here against ~64k in app_store_ratings).
CREATE TABLE "app_worldwide_ratings" (
  "app_id" UUID NOT NULL,
  "snapshot_date" DATE NOT NULL,
  "team_id" UUID NOT NULL,
  "project_id" UUID NOT NULL,
  "average_rating" DECIMAL(3,2),
  "rating_count" INTEGER NOT NULL,
  "current_version_average_rating" DECIMAL(3,2),
  "current_version_rating_count" INTEGER NOT NULL DEFAULT 0,
  "rating_count_delta" INTEGER,
  "countries" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "app_worldwide_ratings_pkey" PRIMARY KEY ("app_id", "snapshot_date")
);
CREATE INDEX "app_worldwide_ratings_project_id_snapshot_date_idx" ON "app_worldwide_ratings"("project_id", "snapshot_date");
ALTER TABLE "app_worldwide_ratings" ADD CONSTRAINT "app_worldwide_ratings_app_id_fkey" FOREIGN KEY ("app_id") REFERENCES "apps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

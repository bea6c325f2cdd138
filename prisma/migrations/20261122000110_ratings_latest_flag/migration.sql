-- "Latest row per country" as an index scan: the ratings sync marks each (app, store, country)'s newest
-- snapshot is_latest, and partial indexes cover exactly those rows. The project-wide by-country panel then
-- reads ~175 rows per app instead of probing a year of history per (app, country) (measured: 480 ms → a few ms
-- on 3.8M rows).
ALTER TABLE "app_store_ratings" ADD COLUMN "is_latest" BOOLEAN NOT NULL DEFAULT false;

UPDATE "app_store_ratings" r SET "is_latest" = true
FROM (
  SELECT DISTINCT ON ("app_id", "store", "country_code") "id"
  FROM "app_store_ratings"
  ORDER BY "app_id", "store", "country_code", "snapshot_date" DESC
) latest
WHERE r."id" = latest."id";

CREATE INDEX "app_store_ratings_latest_by_app_idx" ON "app_store_ratings"("app_id", "country_code")
  INCLUDE ("snapshot_date", "average_rating", "rating_count", "rating_count_delta") WHERE "is_latest";
CREATE INDEX "app_store_ratings_latest_by_project_idx" ON "app_store_ratings"("project_id", "country_code")
  INCLUDE ("app_id", "average_rating", "rating_count", "rating_count_delta") WHERE "is_latest";

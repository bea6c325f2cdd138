-- The outcome of the last App Store id lookup per app (by bundle id, in the version sync or before a ratings
-- sync), so the app card can say what is true — not found on the App Store, or Apple could not be reached —
-- instead of promising ratings "after the first sync" forever. Status NULL with a time: a look-up was requested
-- then (the app was just added, or "Retry now") and has not finished; both NULL: never looked up.
CREATE TYPE "app_store_lookup_status" AS ENUM ('found', 'not_found', 'unreachable');

ALTER TABLE "apps"
  ADD COLUMN "app_store_lookup_status" "app_store_lookup_status",
  ADD COLUMN "app_store_lookup_at" TIMESTAMPTZ(3),
  ADD COLUMN "app_store_lookup_error" TEXT;

-- Apps that already have an App Store id were found (or given one); the others get their outcome at the next lookup.
UPDATE "apps" SET "app_store_lookup_status" = 'found', "app_store_lookup_at" = "updated_at"
WHERE "platform" = 'apple' AND "apple_app_store_id" IS NOT NULL;

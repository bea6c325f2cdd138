-- An agent key's permissions are a list that is never NULL in schema.prisma (String[]) nor in the code that
-- writes them, like the other list columns (notification_endpoints.event_types, notification_user_settings.
-- review_stars); the column said otherwise. A NULL would mean "no permissions", so it becomes the empty list.
UPDATE "api_keys" SET "permissions" = '{}' WHERE "permissions" IS NULL;
ALTER TABLE "api_keys" ALTER COLUMN "permissions" SET NOT NULL;

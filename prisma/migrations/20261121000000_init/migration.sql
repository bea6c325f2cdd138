-- Starboard: the whole data model (design §3). Hand-written: the Prisma migrate engine is not used here.

CREATE TYPE "team_role" AS ENUM ('owner', 'admin', 'member');
CREATE TYPE "platform" AS ENUM ('apple', 'android');
CREATE TYPE "asc_key_type" AS ENUM ('team', 'individual');
CREATE TYPE "sync_kind" AS ENUM ('app_version_sync', 'app_store_ratings_sync', 'app_store_connect_reviews_sync');
CREATE TYPE "sync_scope" AS ENUM ('system', 'team', 'project', 'app');
CREATE TYPE "sync_trigger" AS ENUM ('schedule', 'manual', 'cli', 'api');
CREATE TYPE "sync_status" AS ENUM ('queued', 'running', 'succeeded', 'partial', 'failed');
CREATE TYPE "response_state" AS ENUM ('PUBLISHED', 'PENDING_PUBLISH');

CREATE TABLE "users" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "email" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "password_hash" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "oauth_accounts" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "user_id" UUID NOT NULL,
  "provider" TEXT NOT NULL,
  "provider_account_id" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "oauth_accounts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "oauth_accounts_provider_provider_account_id_key" ON "oauth_accounts"("provider", "provider_account_id");
CREATE INDEX "oauth_accounts_user_id_idx" ON "oauth_accounts"("user_id");

CREATE TABLE "sign_in_throttles" (
  "key" TEXT NOT NULL,
  "failures" INTEGER NOT NULL DEFAULT 0,
  "window_starts_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "locked_until" TIMESTAMPTZ(3),
  CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "teams" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "name" TEXT NOT NULL,
  "members_may_publish_replies" BOOLEAN NOT NULL DEFAULT false,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "team_members" (
  "team_id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "role" "team_role" NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "team_members_pkey" PRIMARY KEY ("team_id", "user_id")
);
CREATE INDEX "team_members_user_id_idx" ON "team_members"("user_id");

CREATE TABLE "team_invites" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "team_id" UUID NOT NULL,
  "token_hash" TEXT NOT NULL,
  "role" "team_role" NOT NULL,
  "created_by_user_id" UUID,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "accepted_at" TIMESTAMPTZ(3),
  "accepted_by_user_id" UUID,
  "revoked_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "team_invites_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "team_invites_token_hash_key" ON "team_invites"("token_hash");
CREATE INDEX "team_invites_team_id_idx" ON "team_invites"("team_id");

CREATE TABLE "projects" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "team_id" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "projects_team_id_idx" ON "projects"("team_id");

CREATE TABLE "apps" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "team_id" UUID NOT NULL,
  "project_id" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "platform" "platform" NOT NULL,
  "bundle_id" TEXT,
  "apple_app_store_id" BIGINT,
  "latest_app_version" TEXT,
  "latest_app_version_updated_at" TIMESTAMPTZ(3),
  "worldwide_average_rating" DECIMAL(3,2),
  "worldwide_rating_count" INTEGER,
  "worldwide_current_version_rating" DECIMAL(3,2),
  "worldwide_current_version_rating_count" INTEGER,
  "worldwide_rating_count_delta" INTEGER,
  "worldwide_rating_delta_since" DATE,
  "ratings_synced_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "apps_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "apps_project_id_bundle_id_key" ON "apps"("project_id", "bundle_id");
CREATE INDEX "apps_team_id_idx" ON "apps"("team_id");
CREATE INDEX "apps_platform_bundle_id_idx" ON "apps"("platform", "bundle_id");

CREATE TABLE "app_store_ratings" (
  "id" BIGSERIAL NOT NULL,
  "team_id" UUID NOT NULL,
  "project_id" UUID NOT NULL,
  "app_id" UUID NOT NULL,
  "store" TEXT NOT NULL DEFAULT 'app_store',
  "country_code" VARCHAR(2) NOT NULL,
  "snapshot_date" DATE NOT NULL,
  "average_rating" DECIMAL(3,2),
  "rating_count" INTEGER NOT NULL,
  "current_version_average_rating" DECIMAL(3,2),
  "current_version_rating_count" INTEGER,
  "app_version" TEXT,
  "rating_count_delta" INTEGER,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "app_store_ratings_pkey" PRIMARY KEY ("id")
);
-- Also the "latest row per country" index: DISTINCT ON (country_code) ... ORDER BY snapshot_date DESC.
CREATE UNIQUE INDEX "app_store_ratings_app_id_store_country_code_snapshot_date_key" ON "app_store_ratings"("app_id", "store", "country_code", "snapshot_date");
CREATE INDEX "app_store_ratings_app_id_snapshot_date_idx" ON "app_store_ratings"("app_id", "snapshot_date");
CREATE INDEX "app_store_ratings_project_id_snapshot_date_idx" ON "app_store_ratings"("project_id", "snapshot_date");

CREATE TABLE "app_store_reviews" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "team_id" UUID NOT NULL,
  "project_id" UUID NOT NULL,
  "app_id" UUID NOT NULL,
  "store" TEXT NOT NULL DEFAULT 'app_store',
  "external_id" TEXT NOT NULL,
  "rating" SMALLINT NOT NULL CHECK ("rating" BETWEEN 1 AND 5),
  "title" TEXT,
  "body" TEXT NOT NULL,
  "reviewer_nickname" TEXT,
  "country_code" VARCHAR(2),
  "territory" VARCHAR(3),
  "created_at_in_store" TIMESTAMPTZ(3) NOT NULL,
  "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "developer_response" TEXT,
  "developer_response_at" TIMESTAMPTZ(3),
  "developer_response_state" "response_state",
  "developer_response_id" TEXT,
  "responded_by_user_id" UUID,
  -- 'simple' keeps every language searchable (no stemming or stop words of one language).
  "search_vector" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig,
      coalesce("title", '') || ' ' || coalesce("body", '') || ' ' || coalesce("reviewer_nickname", ''))
  ) STORED,
  CONSTRAINT "app_store_reviews_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "app_store_reviews_app_id_store_external_id_key" ON "app_store_reviews"("app_id", "store", "external_id");
CREATE INDEX "app_store_reviews_project_id_created_at_in_store_id_idx" ON "app_store_reviews"("project_id", "created_at_in_store" DESC, "id" DESC);
CREATE INDEX "app_store_reviews_app_id_created_at_in_store_id_idx" ON "app_store_reviews"("app_id", "created_at_in_store" DESC, "id" DESC);
CREATE INDEX "app_store_reviews_team_id_created_at_in_store_id_idx" ON "app_store_reviews"("team_id", "created_at_in_store" DESC, "id" DESC);
CREATE INDEX "app_store_reviews_search_vector_idx" ON "app_store_reviews" USING GIN ("search_vector");

CREATE TABLE "integrations" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "team_id" UUID NOT NULL,
  "project_id" UUID NOT NULL,
  "provider" TEXT NOT NULL DEFAULT 'app_store_connect',
  "key_type" "asc_key_type" NOT NULL,
  "issuer_id" TEXT,
  "key_id" TEXT NOT NULL,
  "private_key_ciphertext" TEXT NOT NULL,
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
  CONSTRAINT "integrations_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "integrations_project_id_key" ON "integrations"("project_id");
CREATE INDEX "integrations_team_id_idx" ON "integrations"("team_id");

CREATE TABLE "sync_runs" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "kind" "sync_kind" NOT NULL,
  "scope" "sync_scope" NOT NULL,
  "trigger" "sync_trigger" NOT NULL,
  "status" "sync_status" NOT NULL DEFAULT 'queued',
  "team_id" UUID,
  "project_id" UUID,
  "app_id" UUID,
  "counters" JSONB NOT NULL DEFAULT '{}',
  "progress" JSONB,
  "error" TEXT,
  "started_at" TIMESTAMPTZ(3),
  "finished_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "sync_runs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sync_runs_project_id_kind_created_at_idx" ON "sync_runs"("project_id", "kind", "created_at" DESC);
CREATE INDEX "sync_runs_kind_created_at_idx" ON "sync_runs"("kind", "created_at" DESC);

CREATE TABLE "notifications" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "team_id" UUID NOT NULL,
  "project_id" UUID,
  "app_id" UUID,
  "user_id" UUID NOT NULL,
  "type" TEXT NOT NULL,
  "title" TEXT NOT NULL,
  "body" TEXT,
  "link" TEXT,
  "dedupe_key" TEXT NOT NULL,
  "sync_run_id" UUID,
  "read_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notifications_user_id_dedupe_key_key" ON "notifications"("user_id", "dedupe_key");
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at" DESC);

CREATE TABLE "notification_preferences" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "user_id" UUID NOT NULL,
  "type" TEXT NOT NULL,
  "channel" TEXT NOT NULL,
  "enabled" BOOLEAN NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notification_preferences_user_id_type_channel_key" ON "notification_preferences"("user_id", "type", "channel");

CREATE TABLE "api_keys" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "team_id" UUID NOT NULL,
  "project_id" UUID,
  "name" TEXT NOT NULL,
  "prefix" TEXT NOT NULL,
  "key_hash" TEXT NOT NULL,
  "permissions" TEXT[],
  "created_by_user_id" UUID,
  "last_used_at" TIMESTAMPTZ(3),
  "revoked_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");
CREATE INDEX "api_keys_team_id_idx" ON "api_keys"("team_id");

CREATE TABLE "audit_log" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "team_id" UUID NOT NULL,
  "project_id" UUID,
  "actor_user_id" UUID,
  "actor_api_key_id" UUID,
  "action" TEXT NOT NULL,
  "target_type" TEXT NOT NULL,
  "target_id" TEXT,
  "metadata" JSONB NOT NULL DEFAULT '{}',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_team_id_created_at_idx" ON "audit_log"("team_id", "created_at" DESC);

ALTER TABLE "oauth_accounts" ADD CONSTRAINT "oauth_accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "team_invites" ADD CONSTRAINT "team_invites_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "projects" ADD CONSTRAINT "projects_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "apps" ADD CONSTRAINT "apps_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "app_store_ratings" ADD CONSTRAINT "app_store_ratings_app_id_fkey" FOREIGN KEY ("app_id") REFERENCES "apps"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "app_store_reviews" ADD CONSTRAINT "app_store_reviews_app_id_fkey" FOREIGN KEY ("app_id") REFERENCES "apps"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

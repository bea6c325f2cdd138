-- Notifications: external channels (per-project Slack / signed webhooks), per-user project mutes and review
-- star filter, one delivery row per (event, channel, recipient) — the idempotency key that keeps a retried
-- sync step from emailing or posting twice — and the local email outbox used when SMTP_URL is not set.

CREATE TABLE "notification_endpoints" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "team_id" UUID NOT NULL,
  "project_id" UUID NOT NULL,
  -- slack | webhook
  "kind" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  -- The URL is a credential for Slack (its path is the token): sealed like the webhook secret.
  "url_sealed" TEXT NOT NULL,
  "url_hint" TEXT NOT NULL,
  "secret_sealed" TEXT,
  "event_types" TEXT[] NOT NULL,
  "enabled" BOOLEAN NOT NULL DEFAULT true,
  "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
  "disabled_at" TIMESTAMPTZ(3),
  "disabled_reason" TEXT,
  "last_success_at" TIMESTAMPTZ(3),
  "last_failure_at" TIMESTAMPTZ(3),
  "last_error" TEXT,
  "created_by_user_id" UUID,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "notification_endpoints_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "notification_endpoints_project_id_idx" ON "notification_endpoints"("project_id");
ALTER TABLE "notification_endpoints" ADD CONSTRAINT "notification_endpoints_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notification_endpoints" ADD CONSTRAINT "notification_endpoints_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "notification_deliveries" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "team_id" UUID NOT NULL,
  "project_id" UUID,
  "app_id" UUID,
  "sync_run_id" UUID,
  "event_type" TEXT NOT NULL,
  "dedupe_key" TEXT NOT NULL,
  -- in_app | email | slack | webhook
  "channel" TEXT NOT NULL,
  -- The user id (in_app, email) or the endpoint id (slack, webhook).
  "recipient_key" TEXT NOT NULL,
  "user_id" UUID,
  "endpoint_id" UUID,
  -- pending | sending | retrying | sent | failed | skipped
  "status" TEXT NOT NULL,
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_error" TEXT,
  "payload" JSONB NOT NULL,
  "delivered_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "notification_deliveries_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notification_deliveries_dedupe_key_channel_recipient_key_key" ON "notification_deliveries"("dedupe_key", "channel", "recipient_key");
CREATE INDEX "notification_deliveries_team_id_created_at_idx" ON "notification_deliveries"("team_id", "created_at" DESC);
CREATE INDEX "notification_deliveries_open_idx" ON "notification_deliveries"("next_attempt_at") WHERE "status" IN ('pending', 'retrying', 'sending');
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "notification_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "notification_project_mutes" (
  "user_id" UUID NOT NULL,
  "project_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "notification_project_mutes_pkey" PRIMARY KEY ("user_id", "project_id")
);
ALTER TABLE "notification_project_mutes" ADD CONSTRAINT "notification_project_mutes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notification_project_mutes" ADD CONSTRAINT "notification_project_mutes_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Per-user settings that are not a (type, channel) toggle. review_stars: the star values a user wants review
-- notifications for (empty = every review).
CREATE TABLE "notification_user_settings" (
  "user_id" UUID NOT NULL,
  "review_stars" SMALLINT[] NOT NULL DEFAULT '{}',
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "notification_user_settings_pkey" PRIMARY KEY ("user_id")
);
ALTER TABLE "notification_user_settings" ADD CONSTRAINT "notification_user_settings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Mail written here instead of sent when no SMTP_URL is configured; the dashboard shows it.
CREATE TABLE "email_outbox" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "delivery_id" UUID NOT NULL,
  "team_id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "to_address" TEXT NOT NULL,
  "from_address" TEXT NOT NULL,
  "subject" TEXT NOT NULL,
  "text_body" TEXT NOT NULL,
  "html_body" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "email_outbox_delivery_id_key" ON "email_outbox"("delivery_id");
CREATE INDEX "email_outbox_user_id_created_at_idx" ON "email_outbox"("user_id", "created_at" DESC);
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "notification_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- App Store analytics from Apple's Analytics Reports API: the report requests of each app, every instance read
-- (idempotency by instance id and file checksum), which dates each report covers (a gap is recorded, never a
-- zero), and the daily metrics themselves as exact integers.

CREATE TYPE "analytics_snapshot_state" AS ENUM ('none', 'requested', 'pending', 'refused');
CREATE TYPE "analytics_instance_status" AS ENUM ('imported', 'duplicate', 'gone', 'failed');
CREATE TYPE "analytics_coverage_status" AS ENUM ('imported', 'gap', 'pending');

-- One row per app: its ONGOING request (reused, re-created when Apple stopped it), and the ONE_TIME_SNAPSHOT's
-- state with its last attempt (at most one a day, so a snapshot Apple holds in a "ghost" state never loops).
CREATE TABLE "analytics_request_states" (
  "app_id" UUID NOT NULL,
  "team_id" UUID NOT NULL,
  "project_id" UUID NOT NULL,
  "ongoing_request_id" TEXT,
  "ongoing_stopped" BOOLEAN NOT NULL DEFAULT false,
  "ongoing_created_at" TIMESTAMPTZ(3),
  "snapshot_request_id" TEXT,
  "snapshot_state" "analytics_snapshot_state" NOT NULL DEFAULT 'none',
  "snapshot_requested_at" TIMESTAMPTZ(3),
  "snapshot_last_attempt_at" TIMESTAMPTZ(3),
  -- What Apple answered when the requests could not be ensured (e.g. the key lacks the Admin role).
  "last_error" TEXT,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "analytics_request_states_pkey" PRIMARY KEY ("app_id")
);
CREATE INDEX "analytics_request_states_project_id_idx" ON "analytics_request_states"("project_id");
ALTER TABLE "analytics_request_states" ADD CONSTRAINT "analytics_request_states_app_id_fkey"
  FOREIGN KEY ("app_id") REFERENCES "apps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every DAILY instance read, by Apple's id: read once. `checksum` is the instance's segment checksums joined in
-- order, so a byte-identical duplicate (another id, same files) is recognised and skipped.
CREATE TABLE "analytics_instances" (
  "app_id" UUID NOT NULL,
  "instance_id" TEXT NOT NULL,
  "team_id" UUID NOT NULL,
  "project_id" UUID NOT NULL,
  "report" TEXT NOT NULL,
  "report_name" TEXT NOT NULL,
  "processing_date" DATE NOT NULL,
  "status" "analytics_instance_status" NOT NULL,
  "checksum" TEXT,
  "segments" INTEGER NOT NULL DEFAULT 0,
  "rows" INTEGER NOT NULL DEFAULT 0,
  "error" TEXT,
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "read_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "analytics_instances_pkey" PRIMARY KEY ("app_id", "instance_id")
);
CREATE INDEX "analytics_instances_app_id_report_checksum_idx" ON "analytics_instances"("app_id", "report", "checksum");
ALTER TABLE "analytics_instances" ADD CONSTRAINT "analytics_instances_app_id_fkey"
  FOREIGN KEY ("app_id") REFERENCES "apps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Per app × report × date, from the files' Date column: imported (from which instance and processing date), a
-- gap (Apple did not publish that date), or pending (not published yet).
CREATE TABLE "analytics_coverage" (
  "app_id" UUID NOT NULL,
  "report" TEXT NOT NULL,
  "day" DATE NOT NULL,
  "team_id" UUID NOT NULL,
  "project_id" UUID NOT NULL,
  "status" "analytics_coverage_status" NOT NULL,
  "instance_id" TEXT,
  "processing_date" DATE,
  "checksum" TEXT,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "analytics_coverage_pkey" PRIMARY KEY ("app_id", "report", "day")
);
CREATE INDEX "analytics_coverage_project_id_day_idx" ON "analytics_coverage"("project_id", "day");
ALTER TABLE "analytics_coverage" ADD CONSTRAINT "analytics_coverage_app_id_fkey"
  FOREIGN KEY ("app_id") REFERENCES "apps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Daily metrics by app, report, date, territory, source type, page type and device: exact integers. A date's rows
-- come from the instance with the latest processing date that carries it (Apple's overwrite rule, §2.6).
CREATE TABLE "analytics_daily_metrics" (
  "app_id" UUID NOT NULL,
  "report" TEXT NOT NULL,
  "day" DATE NOT NULL,
  "territory" TEXT NOT NULL,
  "source_type" TEXT NOT NULL,
  "page_type" TEXT NOT NULL,
  "device" TEXT NOT NULL,
  "metric" TEXT NOT NULL,
  "team_id" UUID NOT NULL,
  "project_id" UUID NOT NULL,
  "value" BIGINT NOT NULL,
  CONSTRAINT "analytics_daily_metrics_pkey" PRIMARY KEY ("app_id", "report", "day", "territory", "source_type", "page_type", "device", "metric")
);
CREATE INDEX "analytics_daily_metrics_project_id_day_idx" ON "analytics_daily_metrics"("project_id", "day");
ALTER TABLE "analytics_daily_metrics" ADD CONSTRAINT "analytics_daily_metrics_app_id_fkey"
  FOREIGN KEY ("app_id") REFERENCES "apps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Per app, report, date and metric: the sum over territories, sources, pages and devices, kept with the metrics
-- in the same transaction, so a chart of an app's days reads a few rows a day instead of hundreds.
CREATE TABLE "analytics_app_days" (
  "app_id" UUID NOT NULL,
  "report" TEXT NOT NULL,
  "day" DATE NOT NULL,
  "metric" TEXT NOT NULL,
  "team_id" UUID NOT NULL,
  "project_id" UUID NOT NULL,
  "value" BIGINT NOT NULL,
  CONSTRAINT "analytics_app_days_pkey" PRIMARY KEY ("app_id", "report", "day", "metric")
);
CREATE INDEX "analytics_app_days_project_id_day_idx" ON "analytics_app_days"("project_id", "day");
ALTER TABLE "analytics_app_days" ADD CONSTRAINT "analytics_app_days_app_id_fkey"
  FOREIGN KEY ("app_id") REFERENCES "apps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TYPE "sync_kind" ADD VALUE 'app_store_analytics_sync';

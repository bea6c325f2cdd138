-- Downloads and revenue from App Store Connect's Sales and Trends and Finance reports (issue 14).
-- Report files are recorded one row per (project, kind, frequency, region, date) so coverage and gaps are
-- visible; daily facts are keyed so that re-importing a day replaces it (an unchanged day rewrites nothing);
-- the *_days tables are per-day rollups of the facts of the project's own apps, rebuilt per imported day.
-- Text key columns compare bytes (COLLATE "C"): a year of a large vendor is millions of key comparisons, and
-- codes and identifiers have no linguistic order.

ALTER TYPE "sync_kind" ADD VALUE IF NOT EXISTS 'app_store_sales_sync';
ALTER TYPE "sync_kind" ADD VALUE IF NOT EXISTS 'app_store_sales_backfill';
ALTER TYPE "sync_kind" ADD VALUE IF NOT EXISTS 'app_store_finance_sync';

-- Apple's vendor number (App Store Connect → Payments and Financial Reports): digits only, needed by both reports.
ALTER TABLE "integrations" ADD COLUMN "vendor_number" TEXT;
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_vendor_number_digits" CHECK ("vendor_number" IS NULL OR "vendor_number" ~ '^[0-9]{1,20}$');

CREATE TYPE "asc_report_kind" AS ENUM ('sales', 'finance');
-- imported: stored; no_sales: Apple has no file because nothing was sold (a real zero day);
-- not_available_yet: not published yet (retried, never a zero); unavailable: beyond Apple's retention;
-- failed: the file could not be read or stored (what Apple answered is in apple_status/apple_code/error).
CREATE TYPE "asc_report_file_status" AS ENUM ('imported', 'no_sales', 'not_available_yet', 'unavailable', 'failed');

CREATE TABLE "asc_report_files" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "team_id" UUID NOT NULL,
  "project_id" UUID NOT NULL,
  "kind" "asc_report_kind" NOT NULL,
  "report_type" TEXT NOT NULL,
  "report_sub_type" TEXT NOT NULL DEFAULT '',
  "frequency" TEXT NOT NULL,
  "region_code" TEXT NOT NULL DEFAULT '',
  -- The day of a daily report; a finance file's first day (its fiscal month as the file states it).
  "report_date" DATE NOT NULL,
  "period_end" DATE,
  -- The filter[reportDate] sent for it.
  "request_label" TEXT NOT NULL,
  "status" "asc_report_file_status" NOT NULL,
  -- SHA-256 of the decompressed file.
  "checksum" TEXT,
  "rows" INTEGER NOT NULL DEFAULT 0,
  "rows_written" INTEGER NOT NULL DEFAULT 0,
  "unknown_columns" TEXT[] NOT NULL DEFAULT '{}',
  "apple_status" INTEGER,
  "apple_code" TEXT,
  "error" TEXT,
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "last_attempt_at" TIMESTAMPTZ(3),
  "next_attempt_at" TIMESTAMPTZ(3),
  "imported_at" TIMESTAMPTZ(3),
  "sync_run_id" UUID,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "asc_report_files_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "asc_report_files_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "asc_report_files_key" ON "asc_report_files" ("project_id", "kind", "frequency", "region_code", "report_date");

-- One row per (day, Apple Identifier, storefront, product type, currency of proceeds) of a daily SALES report:
-- units summed, proceeds = Σ units × developer proceeds per unit, exact (numeric, computed by PostgreSQL).
CREATE TABLE "sales_daily_facts" (
  "project_id" UUID NOT NULL,
  "report_date" DATE NOT NULL,
  "apple_identifier" TEXT COLLATE "C" NOT NULL,
  "country_code" VARCHAR(2) COLLATE "C" NOT NULL,
  "product_type" TEXT COLLATE "C" NOT NULL,
  "proceeds_currency" VARCHAR(3) COLLATE "C" NOT NULL,
  "team_id" UUID NOT NULL,
  "units" NUMERIC(18, 2) NOT NULL,
  "proceeds" NUMERIC NOT NULL,
  CONSTRAINT "sales_daily_facts_pkey" PRIMARY KEY ("project_id", "report_date", "apple_identifier", "country_code", "product_type", "proceeds_currency")
);

-- Every Apple Identifier the reports named, with what maps it to an app: its own id (apps, by apple_app_store_id)
-- or, for in-app purchases and subscriptions, its Parent Identifier (the parent app's SKU). app_id is the project's
-- app it resolves to, NULL while unknown: such rows are kept (facts) and listed, never dropped.
CREATE TABLE "sales_identifiers" (
  "project_id" UUID NOT NULL,
  "apple_identifier" TEXT COLLATE "C" NOT NULL,
  "team_id" UUID NOT NULL,
  "sku" TEXT NOT NULL DEFAULT '',
  "title" TEXT NOT NULL DEFAULT '',
  "parent_identifier" TEXT NOT NULL DEFAULT '',
  "in_app" BOOLEAN NOT NULL,
  "app_id" UUID,
  "first_date" DATE NOT NULL,
  "last_date" DATE NOT NULL,
  CONSTRAINT "sales_identifiers_pkey" PRIMARY KEY ("project_id", "apple_identifier"),
  CONSTRAINT "sales_identifiers_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- The first day each app version appears in the SALES rows (downloads and updates carry the version): release
-- markers for the charts, a year back from the first backfill.
CREATE TABLE "sales_app_versions" (
  "project_id" UUID NOT NULL,
  "apple_identifier" TEXT COLLATE "C" NOT NULL,
  "version" TEXT COLLATE "C" NOT NULL,
  "team_id" UUID NOT NULL,
  "first_date" DATE NOT NULL,
  CONSTRAINT "sales_app_versions_pkey" PRIMARY KEY ("project_id", "apple_identifier", "version"),
  CONSTRAINT "sales_app_versions_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Rollups of the facts of the project's own apps (unknown identifiers excluded), per day and currency of proceeds.
CREATE TABLE "sales_app_days" (
  "project_id" UUID NOT NULL,
  "app_id" UUID NOT NULL,
  "report_date" DATE NOT NULL,
  "proceeds_currency" VARCHAR(3) COLLATE "C" NOT NULL,
  "team_id" UUID NOT NULL,
  "downloads" NUMERIC(18, 2) NOT NULL,
  "redownloads" NUMERIC(18, 2) NOT NULL,
  "updates" NUMERIC(18, 2) NOT NULL,
  "in_app_purchases" NUMERIC(18, 2) NOT NULL,
  "subscriptions" NUMERIC(18, 2) NOT NULL,
  "other_units" NUMERIC(18, 2) NOT NULL,
  "proceeds" NUMERIC NOT NULL,
  CONSTRAINT "sales_app_days_pkey" PRIMARY KEY ("project_id", "app_id", "report_date", "proceeds_currency")
);
CREATE INDEX "sales_app_days_project_date" ON "sales_app_days" ("project_id", "report_date");

CREATE TABLE "sales_country_days" (
  "project_id" UUID NOT NULL,
  "report_date" DATE NOT NULL,
  "country_code" VARCHAR(2) COLLATE "C" NOT NULL,
  "proceeds_currency" VARCHAR(3) COLLATE "C" NOT NULL,
  "team_id" UUID NOT NULL,
  "downloads" NUMERIC(18, 2) NOT NULL,
  "redownloads" NUMERIC(18, 2) NOT NULL,
  "updates" NUMERIC(18, 2) NOT NULL,
  "in_app_purchases" NUMERIC(18, 2) NOT NULL,
  "subscriptions" NUMERIC(18, 2) NOT NULL,
  "other_units" NUMERIC(18, 2) NOT NULL,
  "proceeds" NUMERIC NOT NULL,
  CONSTRAINT "sales_country_days_pkey" PRIMARY KEY ("project_id", "report_date", "country_code", "proceeds_currency")
);

CREATE TABLE "sales_project_days" (
  "project_id" UUID NOT NULL,
  "report_date" DATE NOT NULL,
  "proceeds_currency" VARCHAR(3) COLLATE "C" NOT NULL,
  "team_id" UUID NOT NULL,
  "downloads" NUMERIC(18, 2) NOT NULL,
  "redownloads" NUMERIC(18, 2) NOT NULL,
  "updates" NUMERIC(18, 2) NOT NULL,
  "in_app_purchases" NUMERIC(18, 2) NOT NULL,
  "subscriptions" NUMERIC(18, 2) NOT NULL,
  "other_units" NUMERIC(18, 2) NOT NULL,
  "proceeds" NUMERIC NOT NULL,
  CONSTRAINT "sales_project_days_pkey" PRIMARY KEY ("project_id", "report_date", "proceeds_currency")
);

-- FINANCIAL (region ZZ) per fiscal month as the file states it: quantity and Σ Extended Partner Share.
CREATE TABLE "finance_monthly_proceeds" (
  "project_id" UUID NOT NULL,
  "period_start" DATE NOT NULL,
  "apple_identifier" TEXT COLLATE "C" NOT NULL,
  "country_code" VARCHAR(2) COLLATE "C" NOT NULL,
  "currency" VARCHAR(3) COLLATE "C" NOT NULL,
  "team_id" UUID NOT NULL,
  "period_end" DATE NOT NULL,
  "quantity" NUMERIC(18, 2) NOT NULL,
  "proceeds" NUMERIC NOT NULL,
  CONSTRAINT "finance_monthly_proceeds_pkey" PRIMARY KEY ("project_id", "period_start", "apple_identifier", "country_code", "currency"),
  CONSTRAINT "finance_monthly_proceeds_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- The month's rate from each currency of proceeds to the payout (bank account) currency: 1 unit of currency = rate payout units.
CREATE TABLE "finance_exchange_rates" (
  "project_id" UUID NOT NULL,
  "period_start" DATE NOT NULL,
  "currency" VARCHAR(3) COLLATE "C" NOT NULL,
  "team_id" UUID NOT NULL,
  "period_end" DATE NOT NULL,
  "payout_currency" VARCHAR(3) NOT NULL,
  "rate" NUMERIC NOT NULL,
  CONSTRAINT "finance_exchange_rates_pkey" PRIMARY KEY ("project_id", "period_start", "currency"),
  CONSTRAINT "finance_exchange_rates_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- The facts and their rollups have no foreign key to projects: checking one per inserted row cost a third of a
-- day's import (20,000 rows: 230 of 610 ms). An import locks its project row instead (FOR KEY SHARE, once per
-- file), and deleting a project deletes its rows here.
CREATE FUNCTION "sales_delete_project_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "sales_daily_facts" WHERE "project_id" = OLD."id";
  DELETE FROM "sales_app_days" WHERE "project_id" = OLD."id";
  DELETE FROM "sales_country_days" WHERE "project_id" = OLD."id";
  DELETE FROM "sales_project_days" WHERE "project_id" = OLD."id";
  RETURN OLD;
END $$;
CREATE TRIGGER "projects_delete_sales_rows" AFTER DELETE ON "projects" FOR EACH ROW EXECUTE FUNCTION "sales_delete_project_rows"();

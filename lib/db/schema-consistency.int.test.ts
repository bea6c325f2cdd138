// schema.prisma mirrors the SQL migrations, which are the source of truth for the database (Prisma's schema
// engine cannot run here, so `prisma migrate diff` cannot do this). The migrated test database's catalog is
// compared with the schema's data model: tables; columns with their type, nullability and default; indexes
// and unique constraints; foreign keys with their actions; enums and their values. Not compared: CHECK
// constraints, UNLOGGED, functions and extensions, which schema.prisma cannot express.
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject, describe, expect, it } from "vitest";
import { catalogShape } from "@/test/schema/from-catalog";
import { prismaShape } from "@/test/schema/from-prisma";
import { diffSchemas, type SqlOnly } from "@/test/schema/shape";

const PARTIAL = "a partial index (WHERE …), which schema.prisma cannot express";
const SQL_ONLY_RELATION = "the relation lives in SQL only (cascade on delete) so that the models it points at carry no back-relation field; see the NotificationEndpoint comment in schema.prisma";

const SALES_RELATION = "the report tables' relation to projects lives in SQL only (cascade on delete), so Project carries no back-relation field; see the Downloads and revenue comment in schema.prisma";

/** What exists only in the migrations on purpose. */
const sqlOnly: SqlOnly = {
  tables: { _prisma_migrations: "the migration runner's bookkeeping (lib/db/migrate.ts), kept as prisma migrate deploy keeps it" },
  columns: {
    "app_store_reviews.search_vector": 'a generated tsvector (review_search_vector()); schema.prisma has it as Unsupported("tsvector"), which the data model leaves out',
  },
  indexes: {
    _prisma_migrations_pkey: "on the migration runner's own table",
    app_store_reviews_search_idx: "GIN over the generated search_vector with btree_gin on country_code and language; schema.prisma cannot index an Unsupported column",
    app_store_ratings_latest_by_app_idx: `${PARTIAL} with INCLUDE columns`,
    app_store_ratings_latest_by_project_idx: `${PARTIAL} with INCLUDE columns`,
    app_store_reviews_announce_pending_idx: PARTIAL,
    app_store_reviews_announced_run_idx: PARTIAL,
    app_store_reviews_pending_response_idx: PARTIAL,
    app_store_reviews_language_missing_idx: PARTIAL,
    notification_deliveries_open_idx: PARTIAL,
  },
  foreignKeys: {
    ...Object.fromEntries(
    [
      "notification_endpoints(team_id)",
      "notification_endpoints(project_id)",
      "notification_deliveries(team_id)",
      "notification_deliveries(user_id)",
      "notification_deliveries(endpoint_id)",
      "notification_project_mutes(user_id)",
      "notification_project_mutes(project_id)",
      "notification_user_settings(user_id)",
      "email_outbox(user_id)",
      "email_outbox(delivery_id)",
    ].map((key) => [key, SQL_ONLY_RELATION]),
    ),
    ...Object.fromEntries(
      ["asc_report_files", "sales_identifiers", "sales_app_versions", "finance_monthly_proceeds", "finance_exchange_rates"].map((table) => [`${table}(project_id)`, SALES_RELATION]),
    ),
  },
};

async function withClient<T>(url: string, run: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await run(db);
  } finally {
    await db.end();
  }
}

describe("schema.prisma and the SQL migrations", () => {
  it("describe the same database", async () => {
    const database = await withClient(inject("databaseUrl"), catalogShape);
    const prisma = prismaShape(readFileSync("prisma/schema.prisma", "utf8"));
    expect(diffSchemas(database, prisma, sqlOnly)).toEqual([]);
  });

  it("reports each kind of difference, naming the object and both sides", async () => {
    const base = new URL(inject("databaseUrl"));
    const name = `schema_diff_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    await withClient(base.toString(), (db) => db.query(`CREATE DATABASE "${name}"`));
    const scratch = new URL(base);
    scratch.pathname = `/${name}`;
    try {
      const database = await withClient(scratch.toString(), async (db) => {
        await db.query(`
          CREATE TYPE "mood" AS ENUM ('happy', 'sad');
          CREATE TABLE "owners" ("id" UUID NOT NULL, CONSTRAINT "owners_pkey" PRIMARY KEY ("id"));
          CREATE TABLE "pets" (
            "id" UUID NOT NULL DEFAULT gen_random_uuid(),
            "owner_id" UUID NOT NULL,
            "name" VARCHAR(20) NOT NULL,
            "nickname" TEXT NOT NULL,
            "mood" "mood" NOT NULL DEFAULT 'sad',
            "tags" TEXT[],
            "legacy" TEXT,
            CONSTRAINT "pets_pkey" PRIMARY KEY ("id")
          );
          CREATE INDEX "pets_name_idx" ON "pets"("name" DESC);
          CREATE INDEX "pets_mood_idx" ON "pets"("mood") WHERE "mood" = 'happy';
          CREATE TABLE "scratch" ("id" INTEGER);
          ALTER TABLE "pets" ADD CONSTRAINT "pets_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "owners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;`);
        return catalogShape(db);
      });
      const prisma = prismaShape(`
        datasource db {
          provider = "postgresql"
        }
        enum Mood {
          happy
          sad
          sleepy
          @@map("mood")
        }
        model Owner {
          id   String @id @db.Uuid
          pets Pet[]
          @@map("owners")
        }
        model Pet {
          id       String   @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid
          ownerId  String   @map("owner_id") @db.Uuid
          name     String   @db.VarChar(40)
          nickname String?
          mood     Mood     @default(happy)
          tags     String[]
          born     DateTime @db.Date
          owner    Owner    @relation(fields: [ownerId], references: [id], onDelete: Cascade)
          @@index([name])
          @@unique([ownerId, name])
          @@map("pets")
        }`);
      expect(diffSchemas(database, prisma, { tables: { scratch: "test" }, indexes: { pets_gone_idx: "no longer there" } })).toEqual([
        "enum mood: values (happy, sad) in the database, (happy, sad, sleepy) in schema.prisma",
        "column pets.name: type character varying(20) in the database, character varying(40) in schema.prisma",
        "column pets.nickname: NOT NULL in the database, nullable (optional) in schema.prisma",
        "column pets.mood: default 'sad'::mood in the database, 'happy'::mood in schema.prisma",
        "column pets.tags: nullable in the database, NOT NULL (required) in schema.prisma",
        "column pets.born: in schema.prisma, not in the database",
        "column pets.legacy: in the database, not in schema.prisma",
        "index pets_name_idx: index on pets (name DESC) in the database, index on pets (name) in schema.prisma",
        "index pets_owner_id_name_key: unique on pets (owner_id, name) in schema.prisma, not in the database",
        "index pets_mood_idx: index on pets (mood) WHERE mood = 'happy'::mood in the database, not in schema.prisma",
        "foreign key pets(owner_id): → owners(id) ON DELETE RESTRICT ON UPDATE CASCADE in the database, → owners(id) ON DELETE CASCADE ON UPDATE CASCADE in schema.prisma",
        "listed as SQL-only (indexes) but not found only in the database: pets_gone_idx",
      ]);
    } finally {
      await withClient(base.toString(), (db) => db.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
  });
});

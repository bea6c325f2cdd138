import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { inject, describe, expect, it } from "vitest";
import { useScratchDirs } from "@/test/scratch-dirs";
import { listMigrations, migrate } from "./migrate";

const scratchDir = useScratchDirs();

// A scratch database per test so the runner starts from nothing.
async function scratchDatabase() {
  const base = inject("databaseUrl");
  const name = `migrate_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migration runner", () => {
  it("applies every migration once and records it the way prisma migrate deploy does", async () => {
    const url = await scratchDatabase();
    const first = await migrate(url);
    const all = await listMigrations();
    expect(first.applied).toEqual(all.map((m) => m.name));
    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(all.map((m) => [m.name, m.checksum, 1]));
    expect(rows.every((r) => r.finished_at)).toBe(true);
    const tables = await query<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["apps", "app_store_ratings", "app_store_reviews", "sync_runs", "audit_log"]));
  });

  it("rolls back a failing migration, records it as rolled back, and retries it on the next run", async () => {
    const url = await scratchDatabase();
    const dir = await scratchDir("migrations-");
    await mkdir(path.join(dir, "20260101000000_good"));
    await writeFile(path.join(dir, "20260101000000_good", "migration.sql"), "CREATE TABLE good (id int);");
    await mkdir(path.join(dir, "20260102000000_bad"));
    await writeFile(path.join(dir, "20260102000000_bad", "migration.sql"), "CREATE TABLE half (id int); SELECT * FROM missing_table;");
    await expect(migrate(url, { dir })).rejects.toThrow(/20260102000000_bad failed/);
    const tables = await query<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((t) => t.table_name)).not.toContain("half");
    await writeFile(path.join(dir, "20260102000000_bad", "migration.sql"), "CREATE TABLE half (id int);");
    expect((await migrate(url, { dir })).applied).toEqual(["20260102000000_bad"]);
  });
});

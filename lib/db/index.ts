import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One pool and one client per process, kept on globalThis so dev-server reloads do not open new pools.
// Prisma runs on the pool; the few set-based bulk statements use it directly (see `sqlPool`).
interface DbHandles {
  url: string;
  pool: pg.Pool;
  client: PrismaClient;
}
const globalForDb = globalThis as unknown as { starboardDb?: DbHandles };

function handles(): DbHandles {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Starboard with `npm start`, which provides one.");
  const current = globalForDb.starboardDb;
  if (current?.url === url) return current;
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // An idle connection dropped by the server (restart, fast shutdown) must not crash the process:
  // the pool discards it and the next query opens a new one.
  pool.on("error", () => {});
  globalForDb.starboardDb = { url, pool, client: new PrismaClient({ adapter: new PrismaPg(pool) }) };
  return globalForDb.starboardDb;
}

export function getDb(): PrismaClient {
  return handles().client;
}

/**
 * The pool under Prisma, for bulk statements whose parameters are large: Prisma's raw queries pass every
 * parameter through JSON and back (and `pg` re-encodes arrays), about 1 MB of garbage per 200-review page,
 * while a single `json` text parameter here is sent as it is. Also for work that needs one connection with
 * its own settings for a few statements (the reviews search: a read-only transaction with a statement timeout).
 */
export function sqlPool(): pg.Pool {
  return handles().pool;
}

/** Closes the client and its pool; for scripts that end the process. */
export async function closeDb(): Promise<void> {
  const current = globalForDb.starboardDb;
  if (!current) return;
  globalForDb.starboardDb = undefined;
  await current.client.$disconnect().catch(() => {});
  await current.pool.end().catch(() => {});
}

/** The Prisma client; resolved on first use so scripts can set DATABASE_URL before touching it. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export { Prisma } from "@/lib/generated/prisma/client";

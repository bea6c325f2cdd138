import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One pool and one client per process, kept on globalThis so dev-server reloads do not open new pools.
// Prisma runs on the pool; the few set-based bulk statements use it directly (see `sqlPool`).
interface DbHandles {
  url: string;
  poolSize: number;
  pool: pg.Pool;
  client: PrismaClient;
}
const globalForDb = globalThis as unknown as { starboardDb?: DbHandles };

/** A pool of `poolSize` connections to `url` and the Prisma client on it. */
export function createDb(options: { url: string; poolSize: number }): DbHandles {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize });
  // An idle connection dropped by the server (restart, fast shutdown) must not crash the process:
  // the pool discards it and the next query opens a new one.
  pool.on("error", () => {});
  return { ...options, pool, client: new PrismaClient({ adapter: new PrismaPg(pool) }) };
}

/** The process's database, as configured (DATABASE_URL, DATABASE_POOL_SIZE); opened on first use. */
function handles(): DbHandles {
  const { DATABASE_URL: url, DATABASE_POOL_SIZE: poolSize } = env();
  const current = globalForDb.starboardDb;
  if (current?.url === url && current.poolSize === poolSize) return current;
  globalForDb.starboardDb = createDb({ url, poolSize });
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
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

export { Prisma } from "@/lib/generated/prisma/client";

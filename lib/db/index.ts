import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process, kept on globalThis so dev-server reloads do not open new pools.
const globalForDb = globalThis as unknown as { starboardPrisma?: PrismaClient; starboardPrismaUrl?: string };

function createClient(url: string) {
  const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return new PrismaClient({ adapter });
}

export function getDb(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Starboard with `npm start`, which provides one.");
  if (!globalForDb.starboardPrisma || globalForDb.starboardPrismaUrl !== url) {
    globalForDb.starboardPrisma = createClient(url);
    globalForDb.starboardPrismaUrl = url;
  }
  return globalForDb.starboardPrisma;
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

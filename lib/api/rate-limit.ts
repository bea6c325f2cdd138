import "server-only";
// Per-agent-key rate limit: an exact sliding window (the times of the key's requests in the last window), kept in
// the database like the sign-in limit, so every process serving the API counts against the same budget. One
// statement decides and records each request under the key's row lock: two processes cannot both take the last slot.
import { db, Prisma } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";

export const AGENT_KEY_RATE_WINDOW_MS = 60_000;

export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export interface AgentKeyLimiterOptions {
  /** Requests a key may make per window (STARBOARD_API_RATE_LIMIT). */
  limit: number;
  windowMs?: number;
  /** Where the counts live: the process's database unless given another client. */
  db?: Pick<PrismaClient, "$queryRaw">;
  /** The clock, in epoch ms; unset, the database's, which every process shares. */
  now?: () => number;
}

export interface AgentKeyLimiter {
  readonly limit: number;
  /** Counts one request for the key, unless the key already used its window (refused requests are not counted). */
  take(apiKeyId: string): Promise<RateDecision>;
}

interface TakeRow {
  used: number;
  refused: boolean;
  oldest_age_ms: number;
}

export function createAgentKeyLimiter(options: AgentKeyLimiterOptions): AgentKeyLimiter {
  const { limit, windowMs = AGENT_KEY_RATE_WINDOW_MS } = options;
  const client = options.db ?? db;
  return {
    limit,
    async take(apiKeyId) {
      const at = options.now ? new Date(options.now()) : null;
      // The key's requests still inside the window ending at this request, oldest first.
      const kept = Prisma.sql`ARRAY(SELECT h FROM unnest(r.hits) AS h WHERE h > EXCLUDED.checked_at - make_interval(secs => ${windowMs}::float8 / 1000) ORDER BY h)`;
      const [row] = await client.$queryRaw<TakeRow[]>`
        INSERT INTO agent_key_rate_limits AS r (api_key_id, hits, checked_at, refused)
        VALUES (${apiKeyId}::uuid, ARRAY[coalesce(${at}::timestamptz, now())], coalesce(${at}::timestamptz, now()), false)
        ON CONFLICT (api_key_id) DO UPDATE SET
          hits = CASE WHEN cardinality(${kept}) >= ${limit}::int THEN ${kept} ELSE ${kept} || EXCLUDED.checked_at END,
          refused = cardinality(${kept}) >= ${limit}::int,
          checked_at = EXCLUDED.checked_at
        RETURNING cardinality(r.hits) AS used, r.refused,
          (extract(epoch FROM r.checked_at - r.hits[1]) * 1000)::float8 AS oldest_age_ms`;
      if (!row.refused) return { ok: true, remaining: limit - row.used };
      // The oldest request in the window leaves it windowMs after it was made; then one slot is free.
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowMs - row.oldest_age_ms) / 1000)) };
    },
  };
}

/**
 * Counts one request of the agent key against the configured limit; throws a 429 (with Retry-After) when the key
 * used up its requests of the last minute.
 */
export async function countAgentKeyRequest(apiKeyId: string, limiter: AgentKeyLimiter = createAgentKeyLimiter({ limit: env().STARBOARD_API_RATE_LIMIT })): Promise<RateDecision> {
  const decision = await limiter.take(apiKeyId);
  if (!decision.ok) {
    throw new RateLimitedError(
      `This agent key made more than ${limiter.limit} requests in the last minute. Retry in ${decision.retryAfterSeconds} s.`,
      decision.retryAfterSeconds,
    );
  }
  return decision;
}

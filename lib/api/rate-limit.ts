// Per-agent-key rate limit: an exact sliding window (the timestamps of the last minute's requests per key),
// held in this process. Starboard runs as one Node process (`next start`); with several instances each
// enforces the limit on its own share of the traffic, which is why the limit is documented per process.
import { RateLimitedError } from "@/lib/errors";

export const AGENT_KEY_RATE_LIMIT = { limit: 120, windowMs: 60_000 } as const;

export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    public limit: number,
    public readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request for the key, unless the key already used its window. */
  take(key: string): RateDecision {
    const now = this.now();
    const since = now - this.windowMs;
    const times = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (times.length >= this.limit) {
      this.hits.set(key, times);
      // The oldest request in the window leaves it at times[0] + windowMs; then one slot is free.
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0]! + this.windowMs - now) / 1000)) };
    }
    times.push(now);
    this.hits.set(key, times);
    this.sweep(since);
    return { ok: true, remaining: this.limit - times.length };
  }

  reset() {
    this.hits.clear();
  }

  // Keeps memory bounded by the keys active in the last window.
  private sweep(since: number) {
    if (this.hits.size < 1000) return;
    for (const [key, times] of this.hits) if ((times.at(-1) ?? 0) <= since) this.hits.delete(key);
  }
}

const limitFromEnv = Number(process.env.STARBOARD_API_RATE_LIMIT);
export const agentKeyLimiter = new SlidingWindowLimiter(
  Number.isInteger(limitFromEnv) && limitFromEnv > 0 ? limitFromEnv : AGENT_KEY_RATE_LIMIT.limit,
  AGENT_KEY_RATE_LIMIT.windowMs,
);

/** Throws a 429 (with Retry-After) when the agent key used up its requests of the last minute. */
export function enforceAgentKeyRateLimit(apiKeyId: string, limiter: SlidingWindowLimiter = agentKeyLimiter) {
  const decision = limiter.take(apiKeyId);
  if (!decision.ok) {
    throw new RateLimitedError(
      `This agent key made more than ${limiter.limit} requests in the last minute. Retry in ${decision.retryAfterSeconds} s.`,
      decision.retryAfterSeconds,
    );
  }
  return decision;
}

// The agent-key limit against a real PostgreSQL: exact sliding-window counting, and one budget for every process.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { env } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";
import { countAgentKeyRequest, createAgentKeyLimiter } from "./rate-limit";

describe("the agent-key limiter", () => {
  it("allows the limit within a window, refuses the next with the seconds until a slot frees", async () => {
    const k = randomUUID();
    let now = 1_000_000;
    const limiter = createAgentKeyLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    expect(await limiter.take(k)).toEqual({ ok: true, remaining: 2 });
    now += 10_000;
    await limiter.take(k);
    await limiter.take(k);
    expect(await limiter.take(k)).toEqual({ ok: false, retryAfterSeconds: 50 });
    // The first request leaves the window after 60 s: one slot frees, not all three.
    now = 1_000_000 + 60_001;
    expect(await limiter.take(k)).toEqual({ ok: true, remaining: 0 });
    expect((await limiter.take(k)).ok).toBe(false);
  });

  it("counts each key on its own", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const limiter = createAgentKeyLimiter({ limit: 1, windowMs: 60_000, now: () => 5 });
    expect((await limiter.take(a)).ok).toBe(true);
    expect((await limiter.take(b)).ok).toBe(true);
    expect((await limiter.take(a)).ok).toBe(false);
  });

  it("refused requests do not extend the wait", async () => {
    const k = randomUUID();
    let now = 0;
    const limiter = createAgentKeyLimiter({ limit: 1, windowMs: 60_000, now: () => now });
    await limiter.take(k);
    now = 30_000;
    for (let i = 0; i < 5; i++) await limiter.take(k);
    now = 60_001;
    expect((await limiter.take(k)).ok).toBe(true);
  });
});

describe("across processes", () => {
  // A second server process: its own connection pool and client on the same database.
  const other = createDb({ url: env().DATABASE_URL, poolSize: 4 });
  afterAll(async () => {
    await other.client.$disconnect();
    await other.pool.end();
  });

  it("two limiters on separate connections share one budget per key, on the database's clock, even when racing", async () => {
    const k = randomUUID();
    const here = createAgentKeyLimiter({ limit: 5 });
    const there = createAgentKeyLimiter({ limit: 5, db: other.client });
    expect(await here.take(k)).toEqual({ ok: true, remaining: 4 });
    expect(await there.take(k)).toEqual({ ok: true, remaining: 3 });
    const raced = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? here : there).take(k)));
    expect(raced.filter((d) => d.ok)).toHaveLength(3);
    for (const refused of raced.filter((d) => !d.ok)) {
      expect(refused.ok || refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.ok || refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    expect((await here.take(k)).ok).toBe(false);
    expect((await there.take(k)).ok).toBe(false);
  });
});

describe("countAgentKeyRequest", () => {
  it("throws a 429 RateLimitedError carrying Retry-After seconds", async () => {
    const k = randomUUID();
    const limiter = createAgentKeyLimiter({ limit: 1, windowMs: 60_000, now: () => 0 });
    await countAgentKeyRequest(k, limiter);
    let error: unknown;
    try {
      await countAgentKeyRequest(k, limiter);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: 60 });
  });
});

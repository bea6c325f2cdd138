import { describe, expect, it } from "vitest";
import { RateLimitedError } from "@/lib/errors";
import { enforceAgentKeyRateLimit, SlidingWindowLimiter } from "./rate-limit";

describe("SlidingWindowLimiter", () => {
  it("allows the limit within a window, refuses the next with the seconds until a slot frees", () => {
    let now = 1_000_000;
    const limiter = new SlidingWindowLimiter(3, 60_000, () => now);
    expect(limiter.take("k")).toEqual({ ok: true, remaining: 2 });
    now += 10_000;
    limiter.take("k");
    limiter.take("k");
    expect(limiter.take("k")).toEqual({ ok: false, retryAfterSeconds: 50 });
    // The first request leaves the window after 60 s: one slot frees, not all three.
    now = 1_000_000 + 60_001;
    expect(limiter.take("k")).toEqual({ ok: true, remaining: 0 });
    expect(limiter.take("k").ok).toBe(false);
  });

  it("counts each key on its own", () => {
    const limiter = new SlidingWindowLimiter(1, 60_000, () => 5);
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("b").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
  });

  it("refused requests do not extend the wait", () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(1, 60_000, () => now);
    limiter.take("k");
    now = 30_000;
    for (let i = 0; i < 5; i++) limiter.take("k");
    now = 60_001;
    expect(limiter.take("k").ok).toBe(true);
  });
});

describe("enforceAgentKeyRateLimit", () => {
  it("throws a 429 RateLimitedError carrying Retry-After seconds", () => {
    const limiter = new SlidingWindowLimiter(1, 60_000, () => 0);
    enforceAgentKeyRateLimit("k", limiter);
    let error: unknown;
    try {
      enforceAgentKeyRateLimit("k", limiter);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: 60 });
  });
});

// The Play Developer API allows 200 reads (reviews.list + reviews.get) an hour per app. One budget per package name
// for every call of the process, so parallel syncs, tests of the connection and the reply dialog's reads share it.
import { sleep } from "@/lib/apple/http";

const HOUR_MS = 60 * 60 * 1000;

export class QuotaWaitTooLongError extends Error {
  override readonly name = "QuotaWaitTooLongError";
  constructor(
    readonly key: string,
    /** When the budget has room again, in ms from now. */
    readonly waitMs: number,
  ) {
    super(`the hourly read budget of ${key} is spent for another ${Math.ceil(waitMs / 1000)} s`);
  }
}

export class PlayReadQuota {
  private readonly calls = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    /** Reads per hour per package; 0 turns the local budget off (Google's 429s still count). */
    readonly readsPerHour: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** How long until `key` may make a read, in ms (0 = now). */
  waitFor(key: string): number {
    const now = this.now();
    const blocked = Math.max(0, (this.blockedUntil.get(key) ?? 0) - now);
    if (this.readsPerHour <= 0) return blocked;
    const recent = (this.calls.get(key) ?? []).filter((t) => t > now - HOUR_MS);
    this.calls.set(key, recent);
    const full = recent.length >= this.readsPerHour ? recent[recent.length - this.readsPerHour] + HOUR_MS - now : 0;
    return Math.max(blocked, full);
  }

  /** Takes a read from `key`'s budget, waiting up to maxWaitMs for room; beyond that throws QuotaWaitTooLongError. */
  async acquire(key: string, maxWaitMs: number): Promise<{ waitedMs: number }> {
    let waitedMs = 0;
    for (;;) {
      const wait = this.waitFor(key);
      if (wait === 0) break;
      if (waitedMs + wait > maxWaitMs) throw new QuotaWaitTooLongError(key, wait);
      await sleep(wait);
      waitedMs += wait;
    }
    if (this.readsPerHour > 0) this.calls.get(key)!.push(this.now());
    return { waitedMs };
  }

  /** Google answered 429: nothing more for `key` until then, whatever the local count says. */
  block(key: string, forMs: number): void {
    this.blockedUntil.set(key, Math.max(this.blockedUntil.get(key) ?? 0, this.now() + forMs));
  }
}

const globalForQuota = globalThis as unknown as { __starboardPlayReadQuota?: PlayReadQuota };

/** The process-wide budget (kept on globalThis so Next's module copies share it), created with the configured rate. */
export function sharedPlayReadQuota(readsPerHour: number): PlayReadQuota {
  const existing = globalForQuota.__starboardPlayReadQuota;
  if (existing && existing.readsPerHour === readsPerHour) return existing;
  globalForQuota.__starboardPlayReadQuota = new PlayReadQuota(readsPerHour);
  return globalForQuota.__starboardPlayReadQuota;
}

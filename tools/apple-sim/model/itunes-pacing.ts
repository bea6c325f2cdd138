// iTunes' per-client rate: above `calls` lookups within `windowMs` Apple answers 403.
import type { SimOptions } from "../scenario";

export class ItunesPacing {
  private calls: number[] = [];

  constructor(private readonly limit: () => SimOptions["itunesRateLimit"]) {}

  /** True when this call goes over the configured rate; a call within it is counted. */
  overRate(): boolean {
    const limit = this.limit();
    if (!limit) return false;
    const now = Date.now();
    this.calls = this.calls.filter((t) => now - t < limit.windowMs);
    if (this.calls.length >= limit.calls) return true;
    this.calls.push(now);
    return false;
  }

  reset(): void {
    this.calls = [];
  }
}

// How App Store Connect calls time out, retry and wait out Apple's rate limits (part of the configuration, lib/env.ts).
export interface AscTimings {
  /** Per HTTP call. */
  timeoutMs: number;
  /** Retries for 5xx, network errors, timeouts and malformed JSON. */
  maxRetries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Total time one call may spend waiting on 429s before AscRateLimitError. */
  maxRateLimitWaitMs: number;
  /** First 429 wait when Apple sends no Retry-After; doubles each time. */
  rateLimitBackoffMs: number;
}

export const ASC_TIMINGS: Readonly<AscTimings> = Object.freeze({
  timeoutMs: 30_000,
  maxRetries: 3,
  backoffBaseMs: 1_000,
  backoffMaxMs: 30_000,
  maxRateLimitWaitMs: 60_000,
  rateLimitBackoffMs: 5_000,
});

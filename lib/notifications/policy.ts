// How hard external deliveries try (part of the configuration, lib/env.ts: tests run with shorter waits).
export interface DeliveryPolicy {
  /** Attempts per delivery (the first try included). */
  maxAttempts: number;
  /** Wait before attempt 2, 3, 4, … (the last value repeats). */
  backoffMs: readonly number[];
  /** A Slack channel or webhook is turned off after this many deliveries in a row failed every attempt. */
  disableAfterFailedDeliveries: number;
  timeoutMs: number;
  /** A delivery "sending" for longer than this was abandoned by a dead process and may be claimed again. */
  staleSendingMs: number;
}

export const DELIVERY_POLICY: Readonly<DeliveryPolicy> = Object.freeze({
  maxAttempts: 4,
  backoffMs: Object.freeze([30_000, 120_000, 600_000]),
  disableAfterFailedDeliveries: 3,
  timeoutMs: 10_000,
  staleSendingMs: 5 * 60_000,
});

export function backoffFor(policy: DeliveryPolicy, attempt: number): number {
  const list = policy.backoffMs;
  return list[Math.min(Math.max(attempt - 1, 0), list.length - 1)] ?? 0;
}

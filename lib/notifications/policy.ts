// How hard external deliveries try. Mutable only so tests can shorten the waits.
export const deliveryPolicy = {
  /** Attempts per delivery (the first try included). */
  maxAttempts: 4,
  /** Wait before attempt 2, 3, 4, … (the last value repeats). */
  backoffMs: [30_000, 120_000, 600_000] as number[],
  /** A Slack channel or webhook is turned off after this many deliveries in a row failed every attempt. */
  disableAfterFailedDeliveries: 3,
  timeoutMs: 10_000,
  /** A delivery "sending" for longer than this was abandoned by a dead process and may be claimed again. */
  staleSendingMs: 5 * 60_000,
};

export function backoffFor(attempt: number): number {
  const list = deliveryPolicy.backoffMs;
  return list[Math.min(Math.max(attempt - 1, 0), list.length - 1)] ?? 0;
}

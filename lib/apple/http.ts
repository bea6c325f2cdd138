// Retry helpers shared by the App Store Connect and iTunes Lookup clients.
// No "server-only" here: the iTunes pacer imports it and is loaded by scripts outside Next.

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** Jittered exponential backoff: between half and all of base·2^attempt, capped. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** True when fetch gave up because its AbortSignal (e.g. AbortSignal.timeout) fired. */
export function isTimeoutError(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

/** The options that were actually given, so spreading them over defaults keeps the defaults for the rest. */
export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

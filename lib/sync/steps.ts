// The one runner every background handler is written against, as named steps. Inngest functions pass their
// `step` (durable: retried per step, outputs memoized as JSON, sleeps that survive a restart); the in-process
// dispatcher and the job command pass `inlineSteps`. Step outputs must therefore be JSON-safe (no Date, BigInt,
// Decimal), and step ids unique within a run.
export interface StepRunner {
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  /** Waits before the next step (a delivery's backoff); under Inngest the run is suspended meanwhile. */
  sleep(id: string, ms: number): Promise<void>;
}

export const inlineSteps: StepRunner = {
  run: (_id, fn) => fn(),
  sleep: (_id, ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

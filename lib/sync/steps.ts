// The one orchestration path: sync handlers are written as named steps. Inngest functions pass
// `step.run` (durable, retried per step, outputs memoized as JSON); the job command and the in-process
// fallback pass `inlineSteps`. Step outputs must therefore be JSON-safe (no Date, BigInt, Decimal).
export interface StepRunner {
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
}

export const inlineSteps: StepRunner = {
  run: (_id, fn) => fn(),
};

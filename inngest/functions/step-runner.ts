import type { StepRunner } from "@/lib/sync/steps";

interface InngestStep {
  run: (id: string, fn: () => Promise<unknown>) => Promise<unknown>;
  sleep: (id: string, duration: number) => Promise<unknown>;
}

/** Inngest's step tools as the StepRunner every background handler is written against (outputs are JSON-safe). */
export function inngestSteps(step: InngestStep): StepRunner {
  return {
    run: <T>(id: string, fn: () => Promise<T>) => step.run(id, fn) as Promise<T>,
    // Inngest sleeps in whole seconds: a shorter wait would be a busy loop of empty runs.
    sleep: async (id, ms) => {
      await step.sleep(id, Math.max(ms, 1_000));
    },
  };
}

/**
 * Every function that calls iTunes Lookup shares this account-wide concurrency key: one such step at a time
 * across ratings and version runs, so Apple's ~20 calls/minute per IP is one budget (the pacer sets the pace).
 */
export const ITUNES_LOOKUP_BUDGET = { scope: "account", key: '"itunes-lookup"', limit: 1 } as const;

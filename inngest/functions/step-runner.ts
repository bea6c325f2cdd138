import type { StepRunner } from "@/lib/sync/steps";

/** Inngest's step.run as the StepRunner the handlers in lib/sync are written against (outputs are JSON-safe). */
export function inngestSteps(step: { run: (id: string, fn: () => Promise<unknown>) => Promise<unknown> }): StepRunner {
  return { run: <T>(id: string, fn: () => Promise<T>) => step.run(id, fn) as Promise<T> };
}

/**
 * Every function that calls iTunes Lookup shares this account-wide concurrency key: one such step at a time
 * across ratings and version runs, so Apple's ~20 calls/minute per IP is one budget (the pacer sets the pace).
 */
export const ITUNES_LOOKUP_BUDGET = { scope: "account", key: '"itunes-lookup"', limit: 1 } as const;

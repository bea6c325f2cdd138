// A piece of background work: the event that requests it (inngest/events.ts) and the handler that does it, written
// against the step runner. The dispatcher sends the event to Inngest, whose function runs the handler with durable
// steps, or — without Inngest — runs the same handler in this process (lib/jobs/dispatch.ts).
import type { EventData, EventName } from "@/inngest/events";
import type { StepRunner } from "@/lib/sync/steps";

export interface BackgroundWork<E extends EventName = EventName> {
  event: E;
  /** Does the work; `data` was validated with the event's schema. */
  run(data: EventData<E>, steps: StepRunner): Promise<unknown>;
  /** In-process runs only (an Inngest function has its onFailure): records what `run` could not finish. */
  failed?(data: EventData<E>, error: Error): Promise<void>;
}

export function defineWork<E extends EventName>(work: BackgroundWork<E>): BackgroundWork<E> {
  return work;
}

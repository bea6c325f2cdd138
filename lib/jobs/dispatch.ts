import "server-only";
// The one dispatcher of background work. It sends the work's event to Inngest when an Inngest server is configured
// and accepts it; otherwise (or when Inngest refuses) it runs the same handler in this process, in the background,
// with inline steps. Every in-process run is tracked in one registry of runs in flight: `settleBackgroundWork`
// waits for them (tests, and the job command before it exits).
import { EVENT_DATA, type EventData, type EventName } from "@/inngest/events";
import { inngestConfigured, inngestSender } from "@/inngest/client";
import { inlineSteps } from "@/lib/sync/steps";
import type { BackgroundWork } from "./work";

/** Where the work went: to Inngest, or to a background task of this process. */
export type Dispatched = "inngest" | "in-process";

export async function dispatch<E extends EventName>(work: BackgroundWork<E>, data: EventData<E>): Promise<Dispatched> {
  const payload = EVENT_DATA[work.event].parse(data) as EventData<E>;
  if (inngestConfigured()) {
    try {
      await inngestSender().send({ name: work.event, data: payload });
      return "inngest";
    } catch (error) {
      console.warn(`starboard: Inngest did not accept ${work.event} (${(error as Error).message}); running it in-process`);
    }
  }
  runInProcess(work, payload);
  return "in-process";
}

const inFlight = new Set<Promise<unknown>>();

function runInProcess<E extends EventName>(work: BackgroundWork<E>, data: EventData<E>) {
  const task = (async () => {
    try {
      await work.run(data, inlineSteps);
    } catch (error) {
      console.error(`starboard: ${work.event} ${JSON.stringify(data)} failed`, error);
      await work.failed?.(data, error as Error).catch(() => {});
    }
  })();
  inFlight.add(task);
  void task.finally(() => inFlight.delete(task));
}

/** Resolves once no in-process background work is running, including work that running work dispatched. */
export async function settleBackgroundWork(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

import "server-only";
// Hands an event's external deliveries to Inngest (durable retries with backoff) or, without an Inngest server,
// to an in-process background task; either way the sync that called notify() does not wait for them.
import { inngest, inngestConfigured } from "@/inngest/client";
import { deliverEvent, staleOpenDedupeKeys, type DeliveryRunner } from "./deliver";
import { DELIVER_EVENT } from "./delivery-event";

const inFlight = new Set<Promise<unknown>>();

const inProcess: DeliveryRunner = {
  run: (_id, fn) => fn(),
  sleep: (_id, ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export async function scheduleDeliveries(dedupeKey: string): Promise<void> {
  if (inngestConfigured()) {
    try {
      await inngest.send({ name: DELIVER_EVENT, data: { dedupeKey } });
      return;
    } catch (error) {
      console.warn(`starboard: Inngest did not accept notification deliveries (${(error as Error).message}); sending in-process`);
    }
  }
  runInProcess(dedupeKey);
  await resumeStranded(dedupeKey);
}

function runInProcess(dedupeKey: string) {
  const task = deliverEvent(dedupeKey, inProcess).catch((error) => {
    console.error(`starboard: notification deliveries for ${dedupeKey} failed`, error);
  });
  inFlight.add(task);
  void task.finally(() => inFlight.delete(task));
}

let lastSweep = 0;

/** Without Inngest there is no sweep job: deliveries a restarted process left open are resumed by the next event. */
async function resumeStranded(current: string) {
  if (Date.now() - lastSweep < 5 * 60_000) return;
  lastSweep = Date.now();
  const keys = await staleOpenDedupeKeys().catch(() => []);
  for (const key of keys) if (key !== current) runInProcess(key);
}

/** Tests and the job command wait for in-process deliveries to settle. */
export async function settleNotificationDeliveries(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

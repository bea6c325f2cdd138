// Thin Inngest wrappers around lib/notifications/deliver: durable sends with backoff (step.sleep between
// attempts) and a sweep that re-requests deliveries a dead worker or an in-process restart left open.
import { inngest } from "@/inngest/client";
import { EVENTS, deliverRequestedData } from "@/inngest/events";
import { deliverEvent, staleOpenDedupeKeys } from "@/lib/notifications/deliver";
import { inngestSteps } from "./step-runner";

export const deliverNotifications = inngest.createFunction(
  {
    id: "notifications-deliver",
    name: "Notifications: email, Slack and webhooks of one event",
    triggers: [{ event: EVENTS.notificationsDeliverRequested }],
    // Each attempt claims its delivery row, so an overlapping run cannot double-send; this just avoids the contention.
    concurrency: [{ key: "event.data.dedupeKey", limit: 1 }],
    retries: 3,
  },
  async ({ event, step }) => {
    const { dedupeKey } = deliverRequestedData.parse(event.data);
    return deliverEvent(dedupeKey, inngestSteps(step));
  },
);

export const NOTIFICATIONS_SWEEP_CRON = "TZ=UTC */15 * * * *";

export const sweepNotificationDeliveries = inngest.createFunction(
  { id: "notifications-sweep", name: "Notifications: resume stranded deliveries", triggers: [{ cron: NOTIFICATIONS_SWEEP_CRON }], singleton: { mode: "skip" }, retries: 1 },
  async ({ step }) => {
    const keys = await step.run("find-stranded", () => staleOpenDedupeKeys());
    if (keys.length > 0) await step.sendEvent("resume", keys.map((dedupeKey) => ({ name: EVENTS.notificationsDeliverRequested, data: { dedupeKey } })));
    return { resumed: keys.length };
  },
);

export const notificationFunctions = [deliverNotifications, sweepNotificationDeliveries];

import "server-only";
// The one entry point for telling a team something: notify(event) records the event (record.ts) and requests its
// email, Slack and webhook deliveries from the dispatcher (deliver.ts), off the caller's path.
import { requestDeliveries } from "./deliver";
import { recordNotification, type NotificationEvent } from "./record";

export type { NotificationEvent, NotificationType } from "./record";

/** Returns how many in-app notifications were written. */
export async function notify(event: NotificationEvent): Promise<number> {
  const recorded = await recordNotification(event);
  if (recorded.external) await requestDeliveries(recorded.dedupeKey);
  return recorded.written;
}

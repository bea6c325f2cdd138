import "server-only";
// Consecutive failed deliveries per Slack channel / webhook; past the limit it is turned off and admins told.
import { db } from "@/lib/db";
import { recordNotification } from "./record";
import { config } from "@/lib/env";

export async function recordEndpointSuccess(endpointId: string) {
  await db.notificationEndpoint.updateMany({
    where: { id: endpointId },
    data: { consecutiveFailures: 0, lastSuccessAt: new Date(), lastError: null },
  });
}

/**
 * When this failure turned the endpoint off, the admins' notice is recorded and its dedupe key returned when it has
 * deliveries of its own to send (the caller requests them); otherwise null.
 */
export async function recordEndpointFailure(endpointId: string, error: string): Promise<string | null> {
  const now = new Date();
  const endpoint = await db.notificationEndpoint.update({
    where: { id: endpointId },
    data: { consecutiveFailures: { increment: 1 }, lastFailureAt: now, lastError: error },
  });
  if (!endpoint.enabled || endpoint.consecutiveFailures < config().deliveries.disableAfterFailedDeliveries) return null;
  const what = endpoint.kind === "slack" ? "Slack channel" : "Webhook";
  const reason = `${endpoint.consecutiveFailures} deliveries in a row failed (last: ${error})`;
  // Only the call that flips enabled → false tells the admins.
  const flipped = await db.notificationEndpoint.updateMany({
    where: { id: endpointId, enabled: true },
    data: { enabled: false, disabledAt: now, disabledReason: reason },
  });
  if (flipped.count === 0) return null;
  await db.notificationDelivery.updateMany({
    where: { endpointId, status: { in: ["pending", "retrying"] } },
    data: { status: "skipped", lastError: `${what} was turned off.` },
  });
  const notice = await recordNotification({
    type: "webhook.disabled",
    teamId: endpoint.teamId,
    projectId: endpoint.projectId,
    title: `${what} “${endpoint.name}” was turned off`,
    body: `${reason}. Check the URL and the receiver, then turn it back on.`,
    link: `/dashboard/projects/${endpoint.projectId}/notifications`,
    data: { endpointId, kind: endpoint.kind, consecutiveFailures: endpoint.consecutiveFailures },
    dedupeKey: `webhook.disabled:${endpointId}:${now.toISOString()}`,
  });
  return notice.external ? notice.dedupeKey : null;
}

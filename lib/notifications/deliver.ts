import "server-only";
// Sending the external deliveries of one event. Each attempt first claims its row (pending/retrying → sending)
// in one UPDATE, so two runners — an Inngest retry and a re-scheduled run — never send the same delivery twice.
import { EVENTS } from "@/inngest/events";
import { db } from "@/lib/db";
import { defineWork } from "@/lib/jobs/work";
import type { StepRunner } from "@/lib/sync/steps";
import { sendEmail } from "./channels/email";
import { sendToEndpoint } from "./channels/endpoints";
import { recordEndpointFailure, recordEndpointSuccess } from "./endpoint-health";
import { deliveryPayloadSchema } from "./payload";
import { config } from "@/lib/env";
import { backoffFor } from "./policy";

export type AttemptOutcome =
  | { outcome: "sent" | "failed" | "skipped" | "busy" | "done" }
  | { outcome: "retry"; waitMs: number };

/** The background work that sends one event's external deliveries; notify() requests it through requestDeliveries. */
/**
 * The dispatcher, and with it the Inngest SDK (about 20 MB of a process), is loaded when a delivery is first
 * requested: a sync that sends no notification (most runs) does not carry it.
 */
async function dispatch(...args: Parameters<typeof import("@/lib/jobs/dispatch").dispatch<"notifications/deliver.requested">>) {
  return (await import("@/lib/jobs/dispatch")).dispatch(...args);
}

export const notificationDelivery = defineWork({
  event: EVENTS.notificationsDeliverRequested,
  run: ({ dedupeKey }, steps) => deliverEvent(dedupeKey, steps),
});

/**
 * Hands an event's external deliveries to the dispatcher, off the caller's path. In-process there is no sweep job:
 * deliveries a restarted process left open are resumed with the next event (at most every 5 minutes).
 */
export async function requestDeliveries(dedupeKey: string): Promise<void> {
  if ((await dispatch(notificationDelivery, { dedupeKey })) === "in-process") await resumeStranded(dedupeKey);
}

let lastSweep = 0;

async function resumeStranded(current: string) {
  if (Date.now() - lastSweep < 5 * 60_000) return;
  lastSweep = Date.now();
  const keys = await staleOpenDedupeKeys().catch(() => []);
  for (const key of keys) if (key !== current) await dispatch(notificationDelivery, { dedupeKey: key });
}

export async function openDeliveryIds(dedupeKey: string): Promise<string[]> {
  const rows = await db.notificationDelivery.findMany({
    where: { dedupeKey, channel: { not: "in_app" }, status: { in: ["pending", "retrying", "sending"] } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.id);
}

export async function deliverEvent(dedupeKey: string, runner: StepRunner): Promise<Record<string, string>> {
  const ids = await runner.run("open-deliveries", () => openDeliveryIds(dedupeKey));
  const outcomes = await Promise.all(ids.map((id) => deliverOne(id, runner)));
  return Object.fromEntries(ids.map((id, i) => [id, outcomes[i]]));
}

async function deliverOne(id: string, runner: StepRunner): Promise<string> {
  // Bounded: a wake-up a millisecond early costs one extra (claim-less) round, never an extra send.
  for (let attempt = 1; attempt <= config().deliveries.maxAttempts * 2 + 2; attempt++) {
    const result = await runner.run(`deliver-${id}-${attempt}`, () => attemptDelivery(id));
    if (result.outcome !== "retry") return result.outcome;
    await runner.sleep(`backoff-${id}-${attempt}`, result.waitMs);
  }
  return "retry";
}

export async function attemptDelivery(id: string): Promise<AttemptOutcome> {
  const policy = config().deliveries;
  const now = new Date();
  const claimed = await db.notificationDelivery.updateMany({
    where: {
      id,
      channel: { not: "in_app" },
      OR: [
        { status: { in: ["pending", "retrying"] }, nextAttemptAt: { lte: now } },
        { status: "sending", updatedAt: { lt: new Date(now.getTime() - policy.staleSendingMs) } },
      ],
    },
    data: { status: "sending", attempts: { increment: 1 } },
  });
  const row = await db.notificationDelivery.findUnique({ where: { id } });
  if (!row) return { outcome: "done" };
  if (claimed.count === 0) {
    if (row.status === "retrying") return { outcome: "retry", waitMs: Math.max(0, row.nextAttemptAt.getTime() - now.getTime()) };
    return { outcome: row.status === "sending" ? "busy" : "done" };
  }
  try {
    const payload = deliveryPayloadSchema.parse(row.payload);
    if (row.channel === "email") {
      const user = row.userId ? await db.user.findUnique({ where: { id: row.userId }, select: { email: true } }) : null;
      if (!user) return skip(id, "The recipient no longer exists.");
      await sendEmail({ deliveryId: id, teamId: row.teamId, userId: row.userId!, to: user.email, payload });
    } else {
      const endpoint = row.endpointId ? await db.notificationEndpoint.findUnique({ where: { id: row.endpointId } }) : null;
      if (!endpoint?.enabled) return skip(id, endpoint ? "The endpoint is turned off." : "The endpoint was removed.");
      await sendToEndpoint(endpoint, payload, id);
    }
  } catch (error) {
    return failed(row.id, row.attempts, row.endpointId, (error as Error).message.slice(0, 500));
  }
  await db.notificationDelivery.update({ where: { id }, data: { status: "sent", deliveredAt: new Date(), lastError: null } });
  if (row.endpointId) await recordEndpointSuccess(row.endpointId);
  return { outcome: "sent" };
}

async function skip(id: string, reason: string): Promise<AttemptOutcome> {
  await db.notificationDelivery.update({ where: { id }, data: { status: "skipped", lastError: reason } });
  return { outcome: "skipped" };
}

async function failed(id: string, attempts: number, endpointId: string | null, error: string): Promise<AttemptOutcome> {
  const policy = config().deliveries;
  if (attempts < policy.maxAttempts) {
    const waitMs = backoffFor(policy, attempts);
    await db.notificationDelivery.update({ where: { id }, data: { status: "retrying", lastError: error, nextAttemptAt: new Date(Date.now() + waitMs) } });
    return { outcome: "retry", waitMs };
  }
  await db.notificationDelivery.update({ where: { id }, data: { status: "failed", lastError: error } });
  // An endpoint this failure turned off tells the admins, whose notice has deliveries of its own.
  const notice = endpointId ? await recordEndpointFailure(endpointId, error) : null;
  if (notice) await requestDeliveries(notice);
  return { outcome: "failed" };
}

/** Events with deliveries still open well past their due time (their runner died); the sweep resumes them. */
export async function staleOpenDedupeKeys(olderThanMs = 10 * 60_000, limit = 100): Promise<string[]> {
  const rows = await db.notificationDelivery.findMany({
    where: { channel: { not: "in_app" }, status: { in: ["pending", "retrying", "sending"] }, nextAttemptAt: { lt: new Date(Date.now() - olderThanMs) } },
    distinct: ["dedupeKey"],
    select: { dedupeKey: true },
    take: limit,
  });
  return rows.map((r) => r.dedupeKey);
}

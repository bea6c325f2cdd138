import "server-only";
// Recording a notification event: in one transaction, the in-app notifications and one delivery row per (event,
// channel, recipient). The unique dedupe key (type, app or project, sync run) makes a retried step or a re-run a
// no-op on every channel. Sending the external deliveries is notify()'s part (notify.ts).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { DeliveryPayload } from "./payload";
import { resolveRecipients } from "./recipients";
import type { NotificationType } from "./types";

export type { NotificationType } from "./types";

export interface NotificationEvent {
  type: NotificationType;
  teamId: string;
  projectId?: string | null;
  appId?: string | null;
  /** With appId (or projectId), makes the event idempotent: a retried step or re-run never notifies twice. */
  syncRunId?: string | null;
  title: string;
  body?: string | null;
  link?: string | null;
  /** Narrows the recipients by role (admin-only types are always owners and admins). */
  roles?: Array<"owner" | "admin" | "member">;
  /** app.review_new: the stars of the new reviews, for the star filter (none given: every member's filter passes). */
  reviewStars?: number[];
  /** Structured details for webhooks and email (counts, averages, review ids). */
  data?: Record<string, unknown>;
  /** An explicit idempotency key for events without a sync run. */
  dedupeKey?: string;
}

export function dedupeKeyOf(event: Pick<NotificationEvent, "type" | "teamId" | "projectId" | "appId" | "syncRunId" | "dedupeKey">): string {
  if (event.dedupeKey) return event.dedupeKey;
  // Without a run there is nothing to deduplicate on: every call is its own event.
  return [event.type, event.appId ?? event.projectId ?? event.teamId, event.syncRunId ?? randomUUID()].join(":");
}

export interface RecordedNotification {
  dedupeKey: string;
  /** In-app notifications written (0 when the event was recorded before). */
  written: number;
  /** Whether the event has email, Slack or webhook deliveries to send. */
  external: boolean;
}

export async function recordNotification(event: NotificationEvent): Promise<RecordedNotification> {
  const dedupeKey = dedupeKeyOf(event);
  const reviewStars = event.type === "app.review_new" ? (event.reviewStars ?? null) : null;
  const [recipients, context, endpoints] = await Promise.all([
    resolveRecipients({ ...event, reviewStars }),
    eventContext(event),
    event.projectId
      ? db.notificationEndpoint.findMany({
          where: { projectId: event.projectId, teamId: event.teamId, enabled: true, eventTypes: { has: event.type } },
          select: { id: true, kind: true },
        })
      : Promise.resolve([]),
  ]);
  if (!context) return { dedupeKey, written: 0, external: false };
  const payload: DeliveryPayload = {
    id: dedupeKey,
    type: event.type,
    occurredAt: new Date().toISOString(),
    title: event.title,
    body: event.body ?? null,
    link: event.link ?? null,
    team: context.team,
    project: context.project,
    app: context.app,
    syncRunId: event.syncRunId ?? null,
    data: { ...(event.data ?? {}), ...(reviewStars ? { reviewStars } : {}) },
  };
  const base = {
    teamId: event.teamId,
    projectId: event.projectId ?? null,
    appId: event.appId ?? null,
    syncRunId: event.syncRunId ?? null,
    eventType: event.type,
    dedupeKey,
    payload: payload as object,
  };
  const inApp = recipients.filter((r) => r.channels.includes("in_app"));
  const deliveries = [
    ...inApp.map((r) => ({ ...base, channel: "in_app", recipientKey: r.userId, userId: r.userId, status: "sent", attempts: 1, deliveredAt: new Date() })),
    ...recipients.filter((r) => r.channels.includes("email")).map((r) => ({ ...base, channel: "email", recipientKey: r.userId, userId: r.userId, status: "pending" })),
    ...endpoints.map((e) => ({ ...base, channel: e.kind, recipientKey: e.id, endpointId: e.id, status: "pending" })),
  ];

  const written = await db.$transaction(async (tx) => {
    const created = inApp.length
      ? await tx.notification.createMany({
          data: inApp.map((r) => ({
            teamId: event.teamId,
            projectId: event.projectId ?? null,
            appId: event.appId ?? null,
            userId: r.userId,
            type: event.type,
            title: event.title,
            body: event.body ?? null,
            link: event.link ?? null,
            dedupeKey,
            syncRunId: event.syncRunId ?? null,
          })),
          skipDuplicates: true,
        })
      : { count: 0 };
    if (deliveries.length) await tx.notificationDelivery.createMany({ data: deliveries, skipDuplicates: true });
    return created.count;
  });
  return { dedupeKey, written, external: deliveries.some((d) => d.channel !== "in_app") };
}

async function eventContext(event: NotificationEvent) {
  const [team, project, app] = await Promise.all([
    db.team.findUnique({ where: { id: event.teamId }, select: { id: true, name: true } }),
    event.projectId ? db.project.findFirst({ where: { id: event.projectId, teamId: event.teamId }, select: { id: true, name: true } }) : null,
    event.appId ? db.app.findFirst({ where: { id: event.appId, teamId: event.teamId }, select: { id: true, name: true } }) : null,
  ]);
  return team ? { team, project, app } : null;
}

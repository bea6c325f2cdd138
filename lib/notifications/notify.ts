import "server-only";
import { db } from "@/lib/db";

export type NotificationType = "app.rating_changed" | "app.review_new" | "sync.failed";

export interface NotificationEvent {
  type: NotificationType;
  teamId: string;
  projectId?: string | null;
  appId?: string | null;
  /** With appId, makes the event idempotent: a retried step or re-run never notifies twice. */
  syncRunId?: string | null;
  title: string;
  body?: string | null;
  link?: string | null;
  /** Only these roles receive it (e.g. sync failures go to owners and admins). */
  roles?: Array<"owner" | "admin" | "member">;
}

/** The one entry point for telling a team something. Returns how many in-app notifications were written. */
export async function notify(event: NotificationEvent): Promise<number> {
  const dedupeKey = [event.type, event.appId ?? event.projectId ?? event.teamId, event.syncRunId ?? new Date().toISOString()].join(":");
  const members = await db.teamMember.findMany({
    where: { teamId: event.teamId, ...(event.roles ? { role: { in: event.roles } } : {}) },
    select: { userId: true },
  });
  if (members.length === 0) return 0;
  const result = await db.notification.createMany({
    data: members.map((m) => ({
      teamId: event.teamId,
      projectId: event.projectId ?? null,
      appId: event.appId ?? null,
      userId: m.userId,
      type: event.type,
      title: event.title,
      body: event.body ?? null,
      link: event.link ?? null,
      dedupeKey,
      syncRunId: event.syncRunId ?? null,
    })),
    skipDuplicates: true,
  });
  return result.count;
}

import "server-only";
// The in-app inbox: a user reads and marks only their own notifications, from teams they still belong to.
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

export interface InboxItem {
  id: string;
  type: string;
  title: string;
  body: string | null;
  link: string | null;
  teamName: string;
  read: boolean;
  createdAt: string;
}

async function memberTeams(userId: string) {
  const rows = await db.teamMember.findMany({ where: { userId }, select: { teamId: true, team: { select: { name: true } } } });
  return new Map(rows.map((r) => [r.teamId, r.team.name]));
}

export async function listInbox(userId: string, options: { limit: number; before?: string | null }): Promise<{ items: InboxItem[]; unread: number; nextCursor: string | null }> {
  const teams = await memberTeams(userId);
  const where = { userId, teamId: { in: [...teams.keys()] } };
  const cursor = options.before ? await db.notification.findFirst({ where: { ...where, id: options.before }, select: { createdAt: true, id: true } }) : null;
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: cursor ? { ...where, OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: options.limit + 1,
    }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ]);
  const page = rows.slice(0, options.limit);
  return {
    items: page.map((n) => ({
      id: n.id,
      type: n.type,
      title: n.title,
      body: n.body,
      link: n.link,
      teamName: teams.get(n.teamId) ?? "",
      read: n.readAt !== null,
      createdAt: n.createdAt.toISOString(),
    })),
    unread,
    nextCursor: rows.length > options.limit ? page[page.length - 1].id : null,
  };
}

export async function unreadCount(userId: string): Promise<number> {
  const teams = await memberTeams(userId);
  return db.notification.count({ where: { userId, teamId: { in: [...teams.keys()] }, readAt: null } });
}

/** Another user's notification id is "not found": ids reveal nothing. */
export async function markNotificationRead(userId: string, notificationId: string): Promise<{ id: string }> {
  const exists = await db.notification.findFirst({ where: { id: notificationId, userId }, select: { id: true, readAt: true } });
  if (!exists) throw new NotFoundError("Notification");
  if (!exists.readAt) await db.notification.updateMany({ where: { id: notificationId, userId, readAt: null }, data: { readAt: new Date() } });
  return { id: notificationId };
}

export async function markAllNotificationsRead(userId: string): Promise<{ marked: number }> {
  const result = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return { marked: result.count };
}

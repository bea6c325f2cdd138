import "server-only";
// Who receives an event, on which of their channels: team members (owners/admins only for admin types) who
// want the type on the channel, have not muted the project, and — for reviews — whose star filter matches.
import { db } from "@/lib/db";
import { TYPE_META, USER_CHANNELS, passesStarFilter, wantsChannel, type NotificationType, type UserChannel } from "./types";

export interface Recipient {
  userId: string;
  channels: UserChannel[];
}

export async function resolveRecipients(event: {
  type: NotificationType;
  teamId: string;
  projectId?: string | null;
  roles?: ReadonlyArray<"owner" | "admin" | "member">;
  reviewStars?: readonly number[] | null;
}): Promise<Recipient[]> {
  const adminRoles = ["owner", "admin"] as const;
  const roles = TYPE_META[event.type].adminOnly
    ? adminRoles.filter((r) => !event.roles || event.roles.includes(r))
    : event.roles;
  const members = await db.teamMember.findMany({
    where: { teamId: event.teamId, ...(roles ? { role: { in: [...roles] } } : {}) },
    select: { userId: true },
    orderBy: { createdAt: "asc" },
  });
  if (members.length === 0) return [];
  const userIds = members.map((m) => m.userId);
  const [prefs, mutes, settings] = await Promise.all([
    db.notificationPreference.findMany({ where: { userId: { in: userIds }, type: event.type }, select: { userId: true, type: true, channel: true, enabled: true } }),
    event.projectId
      ? db.notificationProjectMute.findMany({ where: { userId: { in: userIds }, projectId: event.projectId }, select: { userId: true } })
      : Promise.resolve([]),
    event.type === "app.review_new"
      ? db.notificationUserSettings.findMany({ where: { userId: { in: userIds } }, select: { userId: true, reviewStars: true } })
      : Promise.resolve([]),
  ]);
  const muted = new Set(mutes.map((m) => m.userId));
  const starFilter = new Map(settings.map((s) => [s.userId, s.reviewStars]));
  const saved = new Map<string, Map<string, boolean>>();
  for (const p of prefs) {
    if (!saved.has(p.userId)) saved.set(p.userId, new Map());
    saved.get(p.userId)!.set(`${p.type}:${p.channel}`, p.enabled);
  }

  const recipients: Recipient[] = [];
  for (const m of members) {
    if (muted.has(m.userId)) continue;
    if (event.type === "app.review_new" && !passesStarFilter(starFilter.get(m.userId) ?? [], event.reviewStars ?? null)) continue;
    const mine = saved.get(m.userId) ?? new Map<string, boolean>();
    const channels = USER_CHANNELS.filter((c) => wantsChannel(mine, event.type, c));
    if (channels.length > 0) recipients.push({ userId: m.userId, channels });
  }
  return recipients;
}

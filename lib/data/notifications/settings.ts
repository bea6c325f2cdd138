import "server-only";
// A user's notification settings: type × channel toggles (defaults in lib/notifications/types), project mutes
// and the review star filter.
import { resolveAccess } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { NOTIFICATION_TYPES, TYPE_META, USER_CHANNELS, wantsChannel, type NotificationType, type UserChannel } from "@/lib/notifications/types";

export interface NotificationSettingsView {
  types: Array<{ type: NotificationType; label: string; description: string; adminOnly: boolean; channels: Record<UserChannel, boolean> }>;
  projects: Array<{ id: string; name: string; teamName: string; muted: boolean }>;
  reviewStars: number[];
  email: { address: string; delivery: "smtp" | "outbox" };
}

export async function getNotificationSettings(userId: string): Promise<NotificationSettingsView> {
  const [user, memberships, prefs, mutes, settings] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } }),
    db.teamMember.findMany({ where: { userId }, select: { role: true, teamId: true, team: { select: { name: true } } }, orderBy: { createdAt: "asc" } }),
    db.notificationPreference.findMany({ where: { userId } }),
    db.notificationProjectMute.findMany({ where: { userId }, select: { projectId: true } }),
    db.notificationUserSettings.findUnique({ where: { userId } }),
  ]);
  const isAdmin = memberships.some((m) => m.role !== "member");
  const saved = new Map(prefs.map((p) => [`${p.type}:${p.channel}`, p.enabled]));
  const teamNames = new Map(memberships.map((m) => [m.teamId, m.team.name]));
  const projects = await db.project.findMany({ where: { teamId: { in: [...teamNames.keys()] } }, select: { id: true, name: true, teamId: true }, orderBy: { createdAt: "asc" } });
  const muted = new Set(mutes.map((m) => m.projectId));
  return {
    types: NOTIFICATION_TYPES.filter((t) => isAdmin || !TYPE_META[t].adminOnly).map((type) => ({
      type,
      label: TYPE_META[type].label,
      description: TYPE_META[type].description,
      adminOnly: TYPE_META[type].adminOnly,
      channels: Object.fromEntries(USER_CHANNELS.map((c) => [c, wantsChannel(saved, type, c)])) as Record<UserChannel, boolean>,
    })),
    projects: projects.map((p) => ({ id: p.id, name: p.name, teamName: teamNames.get(p.teamId) ?? "", muted: muted.has(p.id) })),
    reviewStars: settings?.reviewStars ?? [],
    email: { address: user.email, delivery: env().SMTP_URL ? "smtp" : "outbox" },
  };
}

export async function setNotificationPreference(userId: string, input: { type: NotificationType; channel: UserChannel; enabled: boolean }) {
  await db.notificationPreference.upsert({
    where: { userId_type_channel: { userId, type: input.type, channel: input.channel } },
    create: { userId, ...input },
    update: { enabled: input.enabled },
  });
  return input;
}

/** Muting a project of a team the user is not in is "not found". */
export async function setProjectMute(userId: string, input: { projectId: string; muted: boolean }) {
  await resolveAccess({ kind: "user", userId }, { projectId: input.projectId }, null);
  if (input.muted) {
    await db.notificationProjectMute.upsert({ where: { userId_projectId: { userId, projectId: input.projectId } }, create: { userId, projectId: input.projectId }, update: {} });
  } else {
    await db.notificationProjectMute.deleteMany({ where: { userId, projectId: input.projectId } });
  }
  return input;
}

export async function setReviewStarFilter(userId: string, stars: number[]) {
  // All five stars is the same as no filter.
  const value = stars.length === 5 ? [] : stars;
  await db.notificationUserSettings.upsert({ where: { userId }, create: { userId, reviewStars: value }, update: { reviewStars: value } });
  return { reviewStars: value };
}

import "server-only";
import type { TeamAccess } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { writeAudit } from "./audit";
import { createTeamWithFirstProject } from "./users";

export async function listTeamsForUser(userId: string) {
  const memberships = await db.teamMember.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, team: { select: { id: true, name: true } } },
  });
  return memberships.map((m) => ({ id: m.team.id, name: m.team.name, role: m.role }));
}

export async function createTeam(userId: string, input: { name: string }) {
  return db.$transaction((tx) => createTeamWithFirstProject(tx, userId, input.name));
}

export async function getTeamSettings(ctx: TeamAccess) {
  const team = await db.team.findUniqueOrThrow({
    where: { id: ctx.teamId },
    select: { id: true, name: true, membersMayPublishReplies: true },
  });
  return team;
}

export async function listMembers(ctx: TeamAccess) {
  const members = await db.teamMember.findMany({
    where: { teamId: ctx.teamId },
    orderBy: [{ createdAt: "asc" }],
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, joinedAt: m.createdAt.toISOString() }));
}

async function ownerCount(teamId: string) {
  return db.teamMember.count({ where: { teamId, role: "owner" } });
}

export async function changeMemberRole(ctx: TeamAccess, input: { userId: string; role: Role }) {
  const member = await db.teamMember.findUnique({ where: { teamId_userId: { teamId: ctx.teamId, userId: input.userId } } });
  if (!member) throw new NotFoundError("Member");
  if ((member.role === "owner" || input.role === "owner") && ctx.role !== "owner") {
    throw new ForbiddenError("Only owners can make someone an owner or change an owner's role.");
  }
  if (member.role === "owner" && input.role !== "owner" && (await ownerCount(ctx.teamId)) <= 1) {
    throw new ConflictError("A team needs at least one owner. Make someone else an owner first.");
  }
  await db.teamMember.update({ where: { teamId_userId: { teamId: ctx.teamId, userId: input.userId } }, data: { role: input.role } });
  await writeAudit(ctx, { action: "team.role_changed", targetType: "user", targetId: input.userId, metadata: { from: member.role, to: input.role } });
  return { userId: input.userId, role: input.role };
}

export async function removeMember(ctx: TeamAccess, input: { userId: string }) {
  const member = await db.teamMember.findUnique({ where: { teamId_userId: { teamId: ctx.teamId, userId: input.userId } } });
  if (!member) throw new NotFoundError("Member");
  if (member.role === "owner" && ctx.role !== "owner") throw new ForbiddenError("Only owners can remove an owner.");
  if (member.role === "owner" && (await ownerCount(ctx.teamId)) <= 1) {
    throw new ConflictError("The last owner cannot be removed. Make someone else an owner first.");
  }
  await db.teamMember.delete({ where: { teamId_userId: { teamId: ctx.teamId, userId: input.userId } } });
  await writeAudit(ctx, { action: "team.member_removed", targetType: "user", targetId: input.userId });
  return { removed: true };
}

export async function leaveTeam(userId: string, input: { teamId: string }) {
  const member = await db.teamMember.findUnique({ where: { teamId_userId: { teamId: input.teamId, userId } } });
  if (!member) throw new NotFoundError("Team");
  if (member.role === "owner" && (await ownerCount(input.teamId)) <= 1) {
    throw new ConflictError("You are the last owner of this team. Make someone else an owner before you leave.");
  }
  await db.teamMember.delete({ where: { teamId_userId: { teamId: input.teamId, userId } } });
  await db.auditLog.create({ data: { teamId: input.teamId, actorUserId: userId, action: "team.member_left", targetType: "user", targetId: userId } });
  return { left: true };
}

export async function updateTeamSettings(ctx: TeamAccess, input: { name?: string; membersMayPublishReplies?: boolean }) {
  const team = await db.team.update({
    where: { id: ctx.teamId },
    data: { name: input.name, membersMayPublishReplies: input.membersMayPublishReplies },
    select: { id: true, name: true, membersMayPublishReplies: true },
  });
  await writeAudit(ctx, { action: "team.settings_updated", targetType: "team", targetId: ctx.teamId, metadata: input });
  return team;
}

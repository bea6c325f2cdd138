import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { TeamAccess } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { writeAudit } from "./audit";

export const INVITE_TTL_DAYS = 7;
const tokenShape = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function assertInviteTokenShape(token: string) {
  if (!tokenShape.safeParse(token).success) {
    throw new ValidationError("This invite link is malformed. Copy the whole link from the invitation and try again.", {
      token: "This invite link is malformed.",
    });
  }
}

export async function createInvite(ctx: TeamAccess, input: { role: Role; expiresInDays?: number }) {
  if (input.role === "owner" && ctx.role !== "owner") throw new ForbiddenError("Only owners can invite other owners.");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + (input.expiresInDays ?? INVITE_TTL_DAYS) * 24 * 60 * 60 * 1000);
  const invite = await db.teamInvite.create({
    data: { teamId: ctx.teamId, tokenHash: hashToken(token), role: input.role, createdByUserId: ctx.actorUserId, expiresAt },
    select: { id: true, role: true, expiresAt: true },
  });
  await writeAudit(ctx, { action: "team.invite_created", targetType: "team_invite", targetId: invite.id, metadata: { role: input.role } });
  // The token itself is shown once, in this response only; the database keeps its hash.
  return { id: invite.id, role: invite.role, expiresAt: invite.expiresAt.toISOString(), path: `/invite/${token}` };
}

export async function revokeInvite(ctx: TeamAccess, input: { inviteId: string }) {
  const result = await db.teamInvite.updateMany({
    where: { id: input.inviteId, teamId: ctx.teamId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (result.count === 0) throw new NotFoundError("Invite");
  await writeAudit(ctx, { action: "team.invite_revoked", targetType: "team_invite", targetId: input.inviteId });
  return { revoked: true };
}

export async function listPendingInvites(ctx: TeamAccess) {
  const invites = await db.teamInvite.findMany({
    where: { teamId: ctx.teamId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, expiresAt: true, createdAt: true },
  });
  return invites.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString(), createdAt: i.createdAt.toISOString() }));
}

function inviteProblem(invite: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }) {
  if (invite.acceptedAt) return "This invite link was already used. Ask the team for a new one.";
  if (invite.revokedAt) return "This invite link was revoked. Ask the team for a new one.";
  if (invite.expiresAt <= new Date()) return "This invite link has expired. Ask the team for a new one.";
  return null;
}

/** What the invite page shows before accepting. */
export async function previewInvite(token: string) {
  assertInviteTokenShape(token);
  const invite = await db.teamInvite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { role: true, expiresAt: true, acceptedAt: true, revokedAt: true, team: { select: { name: true } } },
  });
  if (!invite) throw new NotFoundError("Invite");
  return { teamName: invite.team.name, role: invite.role, problem: inviteProblem(invite) };
}

export async function acceptInviteInTx(tx: Prisma.TransactionClient, userId: string, token: string) {
  assertInviteTokenShape(token);
  const invite = await tx.teamInvite.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!invite) throw new NotFoundError("Invite");
  const problem = inviteProblem(invite);
  if (problem) throw new ConflictError(problem);
  // Single use: only one acceptance can flip accepted_at.
  const claimed = await tx.teamInvite.updateMany({
    where: { id: invite.id, acceptedAt: null },
    data: { acceptedAt: new Date(), acceptedByUserId: userId },
  });
  if (claimed.count === 0) throw new ConflictError("This invite link was already used. Ask the team for a new one.");
  const existing = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId: invite.teamId, userId } } });
  if (!existing) await tx.teamMember.create({ data: { teamId: invite.teamId, userId, role: invite.role } });
  await tx.auditLog.create({
    data: { teamId: invite.teamId, actorUserId: userId, action: "team.invite_accepted", targetType: "team_invite", targetId: invite.id },
  });
  return { teamId: invite.teamId };
}

export function acceptInvite(userId: string, token: string) {
  return db.$transaction((tx) => acceptInviteInTx(tx, userId, token));
}

import "server-only";
// Agent keys of a team: created (the key shown once, only its hash stored), listed, revoked.
import type { TeamAccess } from "@/lib/auth/access";
import { generateAgentKey } from "@/lib/auth/agent-keys";
import { isPermission, type Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { writeAudit } from "./audit";

/**
 * What an agent key may be granted: what the REST API serves. Keys never get team administration (a key
 * must not mint keys) nor project changes (the API has no such routes). Only reviews:read is granted unless ticked:
 * sales:read (proceeds are financial data) and the write permissions are given explicitly.
 */
export const AGENT_KEY_PERMISSIONS = ["reviews:read", "reviews:write", "sales:read", "integrations:read", "integrations:write"] as const satisfies readonly Permission[];
export type AgentKeyPermission = (typeof AGENT_KEY_PERMISSIONS)[number];
export const DEFAULT_AGENT_KEY_PERMISSIONS: AgentKeyPermission[] = ["reviews:read"];

export interface AgentKeyView {
  id: string;
  name: string;
  prefix: string;
  projectId: string | null;
  projectName: string | null;
  permissions: Permission[];
  createdAt: string;
  createdByName: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const select = {
  id: true,
  name: true,
  prefix: true,
  projectId: true,
  permissions: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdByUserId: true,
} as const;

type Row = { id: string; name: string; prefix: string; projectId: string | null; permissions: string[]; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; createdByUserId: string | null };

async function toViews(teamId: string, rows: Row[]): Promise<AgentKeyView[]> {
  const projectIds = [...new Set(rows.flatMap((r) => (r.projectId ? [r.projectId] : [])))];
  const userIds = [...new Set(rows.flatMap((r) => (r.createdByUserId ? [r.createdByUserId] : [])))];
  const [projects, users] = await Promise.all([
    db.project.findMany({ where: { id: { in: projectIds }, teamId }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
  ]);
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    projectId: r.projectId,
    projectName: r.projectId ? (projectName.get(r.projectId) ?? null) : null,
    permissions: r.permissions.filter(isPermission),
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdByUserId ? (userName.get(r.createdByUserId) ?? null) : null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** Active keys first (newest first), then revoked ones. */
export async function listAgentKeys(ctx: Pick<TeamAccess, "teamId">): Promise<AgentKeyView[]> {
  const rows = await db.apiKey.findMany({ where: { teamId: ctx.teamId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select });
  const views = await toViews(ctx.teamId, rows);
  return [...views.filter((k) => !k.revokedAt), ...views.filter((k) => k.revokedAt)];
}

export async function createAgentKey(
  ctx: TeamAccess,
  input: { name: string; projectId: string | null; permissions: AgentKeyPermission[] },
): Promise<{ key: string; agentKey: AgentKeyView }> {
  if (input.projectId) {
    // The scope must be a project of this team; another team's project is simply not found.
    const project = await db.project.findFirst({ where: { id: input.projectId, teamId: ctx.teamId }, select: { id: true } });
    if (!project) throw new NotFoundError("Project");
  }
  const permissions = AGENT_KEY_PERMISSIONS.filter((p) => input.permissions.includes(p));
  if (permissions.length === 0) throw new ValidationError("Choose at least one permission.", { permissions: "Choose at least one permission." });
  const { key, prefix, hash } = generateAgentKey();
  const row = await db.apiKey.create({
    data: { teamId: ctx.teamId, projectId: input.projectId, name: input.name, prefix, keyHash: hash, permissions, createdByUserId: ctx.actorUserId },
    select,
  });
  await writeAudit(
    { ...ctx, projectId: input.projectId },
    { action: "agent_key.created", targetType: "api_key", targetId: row.id, metadata: { name: input.name, prefix, permissions, projectId: input.projectId } },
  );
  const [agentKey] = await toViews(ctx.teamId, [row]);
  return { key, agentKey: agentKey };
}

export async function revokeAgentKey(ctx: TeamAccess, input: { keyId: string }): Promise<{ revoked: true }> {
  const result = await db.apiKey.updateMany({ where: { id: input.keyId, teamId: ctx.teamId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (result.count === 0) throw new NotFoundError("Agent key");
  await writeAudit(ctx, { action: "agent_key.revoked", targetType: "api_key", targetId: input.keyId });
  return { revoked: true };
}

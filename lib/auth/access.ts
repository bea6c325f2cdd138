import "server-only";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { PERMISSION_LABELS, permissionsForRole, type Permission, type Role } from "./permissions";

/** Who is calling: a signed-in user, or (REST API / CLI / MCP) an agent key. */
export type Caller =
  | { kind: "user"; userId: string }
  | { kind: "apiKey"; apiKeyId: string; teamId: string; projectId: string | null; permissions: Permission[] };

/** What the call targets; the owning team (and project) is always derived on the server. */
export type Scope =
  | { teamId: string }
  | { projectId: string }
  | { appId: string }
  | { reviewId: string }
  | { runId: string };

interface AccessBase {
  caller: Caller;
  /** The user to record as actor; null for agent keys. */
  actorUserId: string | null;
  teamId: string;
  role: Role | null;
  permissions: Set<Permission>;
}

/**
 * The caller's resolved rights over one target, typed by how far it reaches: a data function states which it needs
 * and the compiler refuses the others. An app (and a review, which resolves to its app) lies in a project, so an
 * AppAccess is also a ProjectAccess; a ProjectAccess is never a TeamAccess (a key limited to one project must not
 * reach a function that reads the whole team).
 */
export interface TeamAccess extends AccessBase {
  level: "team";
}
export interface ProjectAccess extends AccessBase {
  level: "project" | "app";
  projectId: string;
}
export interface AppAccess extends ProjectAccess {
  level: "app";
  appId: string;
}
export type AccessContext = TeamAccess | ProjectAccess | AppAccess;

/** The access a scope resolves to: a team → TeamAccess, a project → ProjectAccess, an app or a review → AppAccess. */
export type AccessFor<S extends Scope> = S extends { teamId: string }
  ? TeamAccess
  : S extends { projectId: string }
    ? ProjectAccess
    : S extends { appId: string } | { reviewId: string }
      ? AppAccess
      : AccessContext;

type Owner = { level: "team"; teamId: string } | { level: "project"; teamId: string; projectId: string } | { level: "app"; teamId: string; projectId: string; appId: string };

async function ownerOf(scope: Scope): Promise<Owner | null> {
  if ("teamId" in scope) {
    const team = await db.team.findUnique({ where: { id: scope.teamId }, select: { id: true } });
    return team && { level: "team", teamId: team.id };
  }
  if ("projectId" in scope) {
    const project = await db.project.findUnique({ where: { id: scope.projectId }, select: { id: true, teamId: true } });
    return project && { level: "project", teamId: project.teamId, projectId: project.id };
  }
  if ("appId" in scope) {
    const app = await db.app.findUnique({ where: { id: scope.appId }, select: { id: true, teamId: true, projectId: true } });
    return app && { level: "app", teamId: app.teamId, projectId: app.projectId, appId: app.id };
  }
  if ("reviewId" in scope) {
    const review = await db.appStoreReview.findUnique({
      where: { id: scope.reviewId },
      select: { teamId: true, projectId: true, appId: true },
    });
    return review && { level: "app", teamId: review.teamId, projectId: review.projectId, appId: review.appId };
  }
  // A run belongs to its project, or to its team as a whole; system-wide runs (no team) belong to no caller.
  const run = await db.syncRun.findUnique({ where: { id: scope.runId }, select: { teamId: true, projectId: true } });
  if (!run?.teamId) return null;
  return run.projectId ? { level: "project", teamId: run.teamId, projectId: run.projectId } : { level: "team", teamId: run.teamId };
}

function scopeNoun(scope: Scope) {
  if ("teamId" in scope) return "Team";
  if ("projectId" in scope) return "Project";
  if ("appId" in scope) return "App";
  if ("reviewId" in scope) return "Review";
  return "Run";
}

/**
 * Resolves the caller's rights over the target. A target outside the caller's teams (or outside an agent
 * key's project) is "not found", never "forbidden", so ids of other teams reveal nothing.
 */
export async function resolveAccess<S extends Scope>(caller: Caller, scope: S, permission: Permission | null): Promise<AccessFor<S>> {
  const owner = await ownerOf(scope);
  if (!owner) throw new NotFoundError(scopeNoun(scope));
  let context: AccessContext;
  if (caller.kind === "user") {
    const membership = await db.teamMember.findUnique({
      where: { teamId_userId: { teamId: owner.teamId, userId: caller.userId } },
      select: { role: true, team: { select: { membersMayPublishReplies: true } } },
    });
    if (!membership) throw new NotFoundError(scopeNoun(scope));
    context = {
      caller,
      actorUserId: caller.userId,
      ...owner,
      role: membership.role,
      permissions: permissionsForRole(membership.role, membership.team),
    };
  } else {
    const inScope =
      caller.teamId === owner.teamId && (caller.projectId === null || (owner.level !== "team" && caller.projectId === owner.projectId));
    if (!inScope) throw new NotFoundError(scopeNoun(scope));
    context = { caller, actorUserId: null, ...owner, role: null, permissions: new Set(caller.permissions) };
  }
  if (permission && !context.permissions.has(permission)) {
    throw new ForbiddenError(
      caller.kind === "apiKey"
        ? `This agent key lacks the "${permission}" permission (${PERMISSION_LABELS[permission].toLowerCase()}).`
        : forbiddenMessage(permission, context.role),
    );
  }
  // The owner's level matches the scope's kind (ownerOf above): the one place that narrows the type.
  return context as AccessFor<S>;
}

/** Other objects an input names besides its target; null/false/undefined entries are skipped. */
export type RelatedScopes = Array<Scope | null | undefined | false>;

/**
 * resolveAccess for the target, then for every other object the input names (a copy's source project, a search's
 * filters): each must be within the caller's reach with the same permission — another team's, or outside an
 * agent key's project, is "not found". Returns the target's context.
 */
export async function resolveAccessWithRelated<S extends Scope>(caller: Caller, scope: S, related: RelatedScopes, permission: Permission | null): Promise<AccessFor<S>> {
  const context = await resolveAccess(caller, scope, permission);
  for (const other of related) {
    if (!other) continue;
    // Naming the team that owns the target reaches no further than the target (a project-scoped key may).
    if ("teamId" in other && other.teamId === context.teamId) continue;
    await resolveAccess(caller, other, permission);
  }
  return context;
}

function forbiddenMessage(permission: Permission, role: Role | null) {
  if (permission === "reviews:write" && role === "member") {
    return "Members of this team may not publish replies. An owner or admin can allow it in team settings.";
  }
  return `Only team owners and admins can do this (${PERMISSION_LABELS[permission].toLowerCase()}).`;
}

export function can(context: Pick<AccessContext, "permissions">, permission: Permission) {
  return context.permissions.has(permission);
}

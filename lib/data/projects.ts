import "server-only";
import type { ProjectAccess, TeamAccess } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { writeAudit } from "./audit";

export async function listProjects(ctx: Pick<TeamAccess, "teamId">) {
  const projects = await db.project.findMany({
    where: { teamId: ctx.teamId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, _count: { select: { apps: true } } },
  });
  return projects.map((p) => ({ id: p.id, name: p.name, appCount: p._count.apps }));
}

export async function getProject(ctx: ProjectAccess) {
  const project = await db.project.findFirst({
    where: { id: ctx.projectId, teamId: ctx.teamId },
    select: { id: true, name: true, teamId: true, team: { select: { name: true } } },
  });
  if (!project) throw new NotFoundError("Project");
  return { id: project.id, name: project.name, teamId: project.teamId, teamName: project.team.name };
}

export async function createProject(ctx: TeamAccess, input: { name: string }) {
  const project = await db.project.create({ data: { teamId: ctx.teamId, name: input.name }, select: { id: true, name: true } });
  await writeAudit({ ...ctx, projectId: project.id }, { action: "project.created", targetType: "project", targetId: project.id });
  return project;
}

export async function renameProject(ctx: ProjectAccess, input: { name: string }) {
  const result = await db.project.updateMany({ where: { id: ctx.projectId, teamId: ctx.teamId }, data: { name: input.name } });
  if (result.count === 0) throw new NotFoundError("Project");
  await writeAudit(ctx, { action: "project.renamed", targetType: "project", targetId: ctx.projectId, metadata: { name: input.name } });
  return { id: ctx.projectId, name: input.name };
}

export async function deleteProject(ctx: ProjectAccess) {
  const result = await db.project.deleteMany({ where: { id: ctx.projectId, teamId: ctx.teamId } });
  if (result.count === 0) throw new NotFoundError("Project");
  await writeAudit({ ...ctx, projectId: null }, { action: "project.deleted", targetType: "project", targetId: ctx.projectId });
  return { deleted: true };
}

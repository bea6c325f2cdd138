import "server-only";
import { z } from "zod";
import { createProject, deleteProject, renameProject } from "@/lib/data/projects";
import { idSchema, nameSchema } from "@/lib/validation";
import { defineAction } from "../define-action";

export const createProjectAction = defineAction({
  input: z.object({ teamId: idSchema, name: nameSchema("Project name") }),
  permission: "projects:write",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx, i) => createProject(ctx, { name: i.name }),
  revalidate: () => ["/dashboard"],
});

export const renameProjectAction = defineAction({
  input: z.object({ projectId: idSchema, name: nameSchema("Project name") }),
  permission: "projects:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx, i) => renameProject(ctx, { name: i.name }),
  revalidate: (i) => [`/dashboard/projects/${i.projectId}`, "/dashboard"],
});

export const deleteProjectAction = defineAction({
  input: z.object({ projectId: idSchema }),
  permission: "projects:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx) => deleteProject(ctx),
  revalidate: () => ["/dashboard"],
});

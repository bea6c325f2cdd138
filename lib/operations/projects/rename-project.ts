import "server-only";
import { z } from "zod";
import * as projects from "@/lib/data/projects";
import { idSchema, nameSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

export const renameProject = defineOperation({
  input: z.object({ projectId: idSchema, name: nameSchema("Project name") }),
  permission: "projects:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx, i) => projects.renameProject(ctx, { name: i.name }),
  revalidate: (i) => [`/dashboard/projects/${i.projectId}`, "/dashboard"],
});

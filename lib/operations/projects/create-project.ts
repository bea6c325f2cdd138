import "server-only";
import { z } from "zod";
import * as projects from "@/lib/data/projects";
import { idSchema, nameSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

export const createProject = defineOperation({
  input: z.object({ teamId: idSchema, name: nameSchema("Project name") }),
  permission: "projects:write",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx, i) => projects.createProject(ctx, { name: i.name }),
  revalidate: () => ["/dashboard"],
});

import "server-only";
import { z } from "zod";
import * as projects from "@/lib/data/projects";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

export const deleteProject = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "projects:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx) => projects.deleteProject(ctx),
  revalidate: () => ["/dashboard"],
});

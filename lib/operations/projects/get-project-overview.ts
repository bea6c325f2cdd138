import "server-only";
import { z } from "zod";
import { can } from "@/lib/auth/access";
import { listAppCards } from "@/lib/data/apps";
import { getProject } from "@/lib/data/projects";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

/** The project page: the project, its app cards, and whether the reader may change them. */
export const getProjectOverview = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "reviews:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx) => {
    const [project, apps] = await Promise.all([getProject(ctx), listAppCards(ctx)]);
    return { project, apps, canEdit: can(ctx, "projects:write") };
  },
});

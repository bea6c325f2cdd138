import "server-only";
import { z } from "zod";
import { can } from "@/lib/auth/access";
import { listProjects } from "@/lib/data/projects";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

/** The dashboard's start page: the team's projects, and whether the reader may create one. */
export const listTeamProjects = defineOperation({
  input: z.object({ teamId: idSchema }),
  permission: "reviews:read",
  scope: (i) => ({ teamId: i.teamId }),
  handler: async (ctx) => ({ projects: await listProjects(ctx), canCreate: can(ctx, "projects:write") }),
});

import "server-only";
import { z } from "zod";
import { can } from "@/lib/auth/access";
import { listAgentKeys } from "@/lib/data/agent-keys";
import { listProjects } from "@/lib/data/projects";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

/** The agent keys page: the team's keys and the projects a key can be limited to, for those who manage the team. */
export const getAgentKeySetup = defineOperation({
  input: z.object({ teamId: idSchema }),
  permission: "reviews:read",
  scope: (i) => ({ teamId: i.teamId }),
  handler: async (ctx) => {
    if (!can(ctx, "team:admin")) return { canManage: false as const };
    const [keys, projects] = await Promise.all([listAgentKeys(ctx), listProjects(ctx)]);
    return { canManage: true as const, keys, projects };
  },
});

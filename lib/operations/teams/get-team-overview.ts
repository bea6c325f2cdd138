import "server-only";
import { z } from "zod";
import { can } from "@/lib/auth/access";
import { listPendingInvites } from "@/lib/data/invites";
import { getTeamSettings, listMembers } from "@/lib/data/teams";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

/** The team page: settings and members for everyone; pending invites only for those who manage the team. */
export const getTeamOverview = defineOperation({
  input: z.object({ teamId: idSchema }),
  permission: "reviews:read",
  scope: (i) => ({ teamId: i.teamId }),
  handler: async (ctx) => {
    const isAdmin = can(ctx, "team:admin");
    const [team, members, invites] = await Promise.all([getTeamSettings(ctx), listMembers(ctx), isAdmin ? listPendingInvites(ctx) : []]);
    return { team, members, invites, isAdmin, role: ctx.role };
  },
});

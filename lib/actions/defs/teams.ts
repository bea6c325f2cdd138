import "server-only";
import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { acceptInvite, createInvite, revokeInvite } from "@/lib/data/invites";
import { changeMemberRole, createTeam, leaveTeam, removeMember, updateTeamSettings } from "@/lib/data/teams";
import { idSchema, nameSchema } from "@/lib/validation";
import { defineAction, defineUserAction } from "../define-action";

const roleSchema = z.enum(ROLES, { message: "Choose owner, admin or member." });
const checkbox = z.preprocess((v) => (v === "on" || v === "true" ? true : v === "false" ? false : v), z.boolean());

export const changeMemberRoleAction = defineAction({
  input: z.object({ teamId: idSchema, userId: idSchema, role: roleSchema }),
  permission: "team:admin",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx, i) => changeMemberRole(ctx, i),
  revalidate: () => ["/dashboard/team"],
});

export const removeMemberAction = defineAction({
  input: z.object({ teamId: idSchema, userId: idSchema }),
  permission: "team:admin",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx, i) => removeMember(ctx, i),
  revalidate: () => ["/dashboard/team"],
});

export const updateTeamSettingsAction = defineAction({
  input: z.object({
    teamId: idSchema,
    name: nameSchema("Team name").optional(),
    membersMayPublishReplies: checkbox.optional(),
  }),
  permission: "team:admin",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx, { teamId: _teamId, ...settings }) => updateTeamSettings(ctx, settings),
  revalidate: () => ["/dashboard/team", "/dashboard"],
});

export const createInviteAction = defineAction({
  input: z.object({ teamId: idSchema, role: roleSchema.default("member") }),
  permission: "team:admin",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx, i) => createInvite(ctx, { role: i.role }),
  revalidate: () => ["/dashboard/team"],
});

export const revokeInviteAction = defineAction({
  input: z.object({ teamId: idSchema, inviteId: idSchema }),
  permission: "team:admin",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx, i) => revokeInvite(ctx, i),
  revalidate: () => ["/dashboard/team"],
});

export const createTeamAction = defineUserAction({
  input: z.object({ name: nameSchema("Team name") }),
  handler: (user, i) => createTeam(user.userId, i),
  revalidate: () => ["/dashboard"],
});

export const leaveTeamAction = defineUserAction({
  input: z.object({ teamId: idSchema }),
  handler: (user, i) => leaveTeam(user.userId, i),
  revalidate: () => ["/dashboard"],
});

export const acceptInviteAction = defineUserAction({
  input: z.object({ token: z.string().max(200) }),
  handler: (user, i) => acceptInvite(user.userId, i.token),
  revalidate: () => ["/dashboard"],
});

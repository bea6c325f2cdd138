"use server";
import { cookies } from "next/headers";
import {
  acceptInviteAction,
  changeMemberRoleAction,
  createInviteAction,
  createTeamAction,
  leaveTeamAction,
  removeMemberAction,
  revokeInviteAction,
  updateTeamSettingsAction,
} from "./defs/teams";
import { CURRENT_TEAM_COOKIE } from "@/lib/current-team";

export async function changeMemberRole(input: { teamId: string; userId: string; role: string }) {
  return changeMemberRoleAction.invoke(input as never);
}
export async function removeMember(input: { teamId: string; userId: string }) {
  return removeMemberAction.invoke(input);
}
export async function updateTeamSettings(input: { teamId: string; name?: string; membersMayPublishReplies?: boolean }) {
  return updateTeamSettingsAction.invoke(input);
}
export async function createInvite(input: { teamId: string; role: string }) {
  return createInviteAction.invoke(input as never);
}
export async function revokeInvite(input: { teamId: string; inviteId: string }) {
  return revokeInviteAction.invoke(input);
}
export async function createTeam(input: { name: string }) {
  const result = await createTeamAction.invoke(input);
  if (result.ok) await selectTeamCookie(result.data.teamId);
  return result;
}
export async function leaveTeam(input: { teamId: string }) {
  return leaveTeamAction.invoke(input);
}
export async function acceptInvite(input: { token: string }) {
  const result = await acceptInviteAction.invoke(input);
  if (result.ok) await selectTeamCookie(result.data.teamId);
  return result;
}
export async function switchTeam(input: { teamId: string }) {
  await selectTeamCookie(String(input.teamId));
}

async function selectTeamCookie(teamId: string) {
  (await cookies()).set(CURRENT_TEAM_COOKIE, teamId, { httpOnly: true, sameSite: "lax", path: "/" });
}

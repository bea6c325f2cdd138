"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { CURRENT_TEAM_COOKIE } from "@/lib/current-team";
import * as teams from "@/lib/operations/teams";
import { serverAction } from "@/lib/operations/adapters/server-action";
import { idSchema } from "@/lib/validation";

export const changeMemberRole = serverAction(teams.changeMemberRole);
export const removeMember = serverAction(teams.removeMember);
export const updateTeamSettings = serverAction(teams.updateTeamSettings);
export const createInvite = serverAction(teams.createInvite);
export const revokeInvite = serverAction(teams.revokeInvite);
export const leaveTeam = serverAction(teams.leaveTeam);

const createTeamAction = serverAction(teams.createTeam);
const acceptInviteAction = serverAction(teams.acceptInvite);

/** A new team becomes the current one. */
export async function createTeam(input: z.input<typeof teams.createTeam.input>) {
  const result = await createTeamAction(input);
  if (result.ok) await selectTeamCookie(result.data.teamId);
  return result;
}
/** The team joined becomes the current one. */
export async function acceptInvite(input: z.input<typeof teams.acceptInvite.input>) {
  const result = await acceptInviteAction(input);
  if (result.ok) await selectTeamCookie(result.data.teamId);
  return result;
}
const switchTeamInput = z.object({ teamId: idSchema });
/** Which of the person's teams the dashboard shows; what the page then reads is checked against membership as always. */
export async function switchTeam(input: z.input<typeof switchTeamInput>) {
  await selectTeamCookie(switchTeamInput.parse(input).teamId);
}

async function selectTeamCookie(teamId: string) {
  (await cookies()).set(CURRENT_TEAM_COOKIE, teamId, { httpOnly: true, sameSite: "lax", path: "/" });
}

import "server-only";
import { cookies } from "next/headers";
import { listTeamsForUser } from "@/lib/data/teams";

export const CURRENT_TEAM_COOKIE = "starboard-team";

/** The team the dashboard shows: the one chosen in the switcher when the user still belongs to it, else the first. */
export async function currentTeamFor(userId: string) {
  const teams = await listTeamsForUser(userId);
  const chosen = (await cookies()).get(CURRENT_TEAM_COOKIE)?.value;
  return { teams, current: teams.find((t) => t.id === chosen) ?? teams[0] ?? null };
}

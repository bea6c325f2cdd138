import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { listTeamsForUser } from "@/lib/data/teams";

export const CURRENT_TEAM_COOKIE = "starboard-team";

/**
 * The team the dashboard shows: the one chosen in the switcher when the user still belongs to it, else the first.
 * Cached per request (like getSessionUser), so the dashboard layout and its page share one team lookup.
 */
export const currentTeamFor = cache(async (userId: string) => {
  const teams = await listTeamsForUser(userId);
  const chosen = (await cookies()).get(CURRENT_TEAM_COOKIE)?.value;
  return { teams, current: teams.find((t) => t.id === chosen) ?? teams[0] ?? null };
});

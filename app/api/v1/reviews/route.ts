import { listReviews } from "@/lib/api/v1/endpoints";
import { v1Route, withAccess } from "@/lib/api/v1/route";
import { searchReviews } from "@/lib/data/reviews";
import { ValidationError } from "@/lib/errors";

export const GET = v1Route(listReviews, ({ caller, input }) => {
  const { teamId: askedTeam, cursor, limit, ...filters } = input;
  const teamId = askedTeam ?? (caller.kind === "apiKey" ? caller.teamId : undefined);
  if (!teamId && !filters.project && !filters.app) {
    throw new ValidationError("Pass teamId, project or app to choose whose reviews to search.", { teamId: "Required when signed in with a session." });
  }
  // The narrowest scope named is checked against the caller; the search itself stays within the resolved team.
  // A project-scoped key without filters searches its own project.
  const keyProject = caller.kind === "apiKey" && !askedTeam ? caller.projectId : null;
  const scope = filters.app ? { appId: filters.app } : filters.project ? { projectId: filters.project } : keyProject ? { projectId: keyProject } : { teamId: teamId! };
  // Every id named beside the narrowest must be within the caller's reach too.
  const related = [
    askedTeam && (filters.app || filters.project) ? { teamId: askedTeam } : null,
    filters.app && filters.project ? { projectId: filters.project } : null,
  ];
  return withAccess(caller, scope, listReviews.permission, (ctx) => searchReviews(ctx, filters, { cursor, limit }), related);
});

import "server-only";
import type { z } from "zod";
import { reviewListQuery } from "@/lib/api/v1/schemas/reviews";
import type { Caller, RelatedScopes, Scope } from "@/lib/auth/access";
import * as reviews from "@/lib/data/reviews";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { defineOperation } from "../define-operation";

type SearchInput = z.output<typeof reviewListQuery>;

/**
 * The narrowest scope a search names — its app, else its project, else (for an agent key limited to one project)
 * that project, else the team — is what the caller's access is checked against; the search then stays within the
 * resolved team. Without a team, project or app there is nothing to choose from, except an agent key's own team.
 */
export function reviewSearchScope(input: SearchInput, caller: Caller): Scope {
  if (input.app) return { appId: input.app };
  if (input.project) return { projectId: input.project };
  if (caller.kind === "apiKey" && !input.teamId) return caller.projectId ? { projectId: caller.projectId } : { teamId: caller.teamId };
  if (!input.teamId) throw new ValidationError("Pass teamId, project or app to choose whose reviews to search.", { teamId: "Required when signed in with a session." });
  return { teamId: input.teamId };
}

/** A project named beside an app must be within the caller's reach too. */
const reviewSearchRelated = (input: SearchInput): RelatedScopes => [input.app && input.project ? { projectId: input.project } : null];

/** Search reviews (the reviews page, /api/v1/reviews, the CLI and MCP): newest first, cursor-paginated, counted. */
export const searchReviews = defineOperation({
  input: reviewListQuery,
  permission: "reviews:read",
  scope: reviewSearchScope,
  related: reviewSearchRelated,
  handler: async (ctx, { teamId, cursor, limit, ...filters }) => {
    // A project or app named with a team must be that team's: never a search of one team under another's id.
    if (teamId && ctx.teamId !== teamId) throw new NotFoundError(filters.app ? "App" : "Project");
    return reviews.searchReviews(ctx, filters, { cursor, limit });
  },
});

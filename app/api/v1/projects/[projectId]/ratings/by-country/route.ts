import { projectRatingsByCountry } from "@/lib/api/v1/ratings-endpoints";
import { v1Route, withAccess } from "@/lib/api/v1/route";
import { projectCountryRatings } from "@/lib/data/ratings/project-country-ratings";

export const GET = v1Route(projectRatingsByCountry, ({ caller, input }) =>
  withAccess(caller, { projectId: input.projectId }, projectRatingsByCountry.permission, (ctx) => projectCountryRatings(ctx)),
);

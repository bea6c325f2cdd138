import { projectRatingsByCountry } from "@/lib/api/v1/ratings-endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { getProjectCountryRatings } from "@/lib/operations/ratings";

export const GET = v1Route(projectRatingsByCountry, getProjectCountryRatings);

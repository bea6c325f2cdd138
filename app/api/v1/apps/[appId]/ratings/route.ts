import { appRatings } from "@/lib/api/v1/ratings-endpoints";
import { v1Route, withAccess } from "@/lib/api/v1/route";
import { appCountryRatings } from "@/lib/data/ratings/app-country-ratings";

export const GET = v1Route(appRatings, ({ caller, input }) => withAccess(caller, { appId: input.appId }, appRatings.permission, (ctx) => appCountryRatings(ctx)));

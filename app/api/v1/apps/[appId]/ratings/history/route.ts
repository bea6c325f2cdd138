import { appRatingHistory as historyEndpoint } from "@/lib/api/v1/ratings-endpoints";
import { v1Route, withAccess } from "@/lib/api/v1/route";
import { appRatingHistory } from "@/lib/data/ratings/rating-history";

export const GET = v1Route(historyEndpoint, ({ caller, input }) =>
  withAccess(caller, { appId: input.appId }, historyEndpoint.permission, (ctx) => appRatingHistory(ctx, { days: input.days, country: input.country })),
);

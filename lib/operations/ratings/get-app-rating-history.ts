import "server-only";
import { ratingHistoryQuery } from "@/lib/api/v1/schemas/ratings";
import { appRatingHistory } from "@/lib/data/ratings/rating-history";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

export const getAppRatingHistory = defineOperation({
  input: ratingHistoryQuery.extend({ appId: idSchema }),
  permission: "reviews:read",
  scope: (i) => ({ appId: i.appId }),
  handler: (ctx, input) => appRatingHistory(ctx, { days: input.days, country: input.country }),
});

import { getReviewAction } from "@/lib/actions/defs/reviews";
import { getReview } from "@/lib/api/v1/endpoints";
import { v1Route, viaAction } from "@/lib/api/v1/route";

export const GET = v1Route(getReview, ({ caller, input }) => viaAction(getReviewAction, caller, { reviewId: input.reviewId }));

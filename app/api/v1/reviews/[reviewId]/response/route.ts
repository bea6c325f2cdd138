import { deleteReplyAction, publishReplyAction } from "@/lib/actions/defs/reviews";
import { deleteReviewResponse, putReviewResponse } from "@/lib/api/v1/endpoints";
import { v1Route, viaAction } from "@/lib/api/v1/route";

export const PUT = v1Route(putReviewResponse, async ({ caller, input }) => ({
  review: await viaAction(publishReplyAction, caller, { reviewId: input.reviewId, body: input.body }),
}));

// The HTTP DELETE is the explicit request; the dashboard's typed confirmation is the CLI's --yes.
export const DELETE = v1Route(deleteReviewResponse, async ({ caller, input }) => ({
  review: await viaAction(deleteReplyAction, caller, { reviewId: input.reviewId, confirm: "delete" }),
}));

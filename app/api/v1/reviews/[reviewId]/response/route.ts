import { deleteReviewResponse, putReviewResponse } from "@/lib/api/v1/endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { deleteReply, publishReply } from "@/lib/operations/reviews";

export const PUT = v1Route(putReviewResponse, publishReply, { output: (review) => ({ review }) });

// The HTTP DELETE is the explicit request; the dashboard's typed confirmation is the CLI's --yes.
export const DELETE = v1Route(deleteReviewResponse, deleteReply, {
  input: ({ reviewId }) => ({ reviewId, confirm: "delete" as const }),
  output: (review) => ({ review }),
});

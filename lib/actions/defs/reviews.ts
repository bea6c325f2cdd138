import "server-only";
import { z } from "zod";
import { can } from "@/lib/auth/access";
import { deleteReply, getReview, publishReply, reviewFiltersSchema, searchReviews } from "@/lib/data/reviews";
import { NotFoundError } from "@/lib/errors";
import { idSchema, replyTextSchema } from "@/lib/validation";
import { defineAction } from "../define-action";

const searchInput = reviewFiltersSchema.extend({ teamId: idSchema, cursor: z.string().max(200).nullish() });

/** The narrowest scope the filters name: a project or app is checked against the caller, else the team. */
const filterScope = (i: { teamId: string; project?: string; app?: string }) =>
  i.app ? { appId: i.app } : i.project ? { projectId: i.project } : { teamId: i.teamId };
/** The wider ids named beside the narrowest one must be within the caller's reach too. */
const filterRelated = (i: { teamId: string; project?: string; app?: string }) => [
  i.app || i.project ? { teamId: i.teamId } : null,
  i.app && i.project ? { projectId: i.project } : null,
];

export const searchReviewsAction = defineAction({
  input: searchInput,
  permission: "reviews:read",
  scope: filterScope,
  related: filterRelated,
  handler: (ctx, { teamId: _t, cursor, ...filters }) => searchReviews(ctx, filters, { cursor }),
});

export const getReviewAction = defineAction({
  input: z.object({ reviewId: idSchema }),
  permission: "reviews:read",
  scope: (i) => ({ reviewId: i.reviewId }),
  handler: async (ctx, i) => {
    const review = await getReview(ctx, i.reviewId);
    if (!review) throw new NotFoundError("Review");
    return { review, canReply: can(ctx, "reviews:write") };
  },
});

/** Reply, or edit the existing reply (Apple replaces it). */
export const publishReplyAction = defineAction({
  input: z.object({ reviewId: idSchema, body: replyTextSchema }),
  permission: "reviews:write",
  scope: (i) => ({ reviewId: i.reviewId }),
  handler: (ctx, i) => publishReply(ctx, i.reviewId, i.body),
  revalidate: () => ["/dashboard/reviews"],
});

export const deleteReplyAction = defineAction({
  input: z.object({ reviewId: idSchema, confirm: z.literal("delete", { message: 'Type "delete" to confirm.' }) }),
  permission: "reviews:write",
  scope: (i) => ({ reviewId: i.reviewId }),
  handler: (ctx, i) => deleteReply(ctx, i.reviewId),
  revalidate: () => ["/dashboard/reviews"],
});

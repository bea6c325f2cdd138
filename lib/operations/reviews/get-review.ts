import "server-only";
import { z } from "zod";
import { can } from "@/lib/auth/access";
import * as reviews from "@/lib/data/reviews";
import { NotFoundError } from "@/lib/errors";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

/** One review with its reply, and whether this caller may reply (the review dialog, `?review=` deep links). */
export const getReview = defineOperation({
  input: z.object({ reviewId: idSchema }),
  permission: "reviews:read",
  scope: (i) => ({ reviewId: i.reviewId }),
  handler: async (ctx, i) => {
    const review = await reviews.getReview(ctx, i.reviewId);
    if (!review) throw new NotFoundError("Review");
    return { review, canReply: can(ctx, "reviews:write") };
  },
});

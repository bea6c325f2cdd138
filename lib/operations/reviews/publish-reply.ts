import "server-only";
import { z } from "zod";
import * as reviews from "@/lib/data/reviews";
import { idSchema, replyTextSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

/** Reply, or edit the existing reply (Apple replaces it). */
export const publishReply = defineOperation({
  input: z.object({ reviewId: idSchema, body: replyTextSchema }),
  permission: "reviews:write",
  scope: (i) => ({ reviewId: i.reviewId }),
  handler: (ctx, i) => reviews.publishReply(ctx, i.reviewId, i.body),
  revalidate: () => ["/dashboard/reviews"],
});

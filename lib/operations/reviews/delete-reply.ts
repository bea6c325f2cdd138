import "server-only";
import { z } from "zod";
import * as reviews from "@/lib/data/reviews";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

export const deleteReply = defineOperation({
  input: z.object({ reviewId: idSchema, confirm: z.literal("delete", { message: 'Type "delete" to confirm.' }) }),
  permission: "reviews:write",
  scope: (i) => ({ reviewId: i.reviewId }),
  handler: (ctx, i) => reviews.deleteReply(ctx, i.reviewId),
  revalidate: () => ["/dashboard/reviews"],
});

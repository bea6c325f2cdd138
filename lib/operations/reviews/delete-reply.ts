import "server-only";
import { z } from "zod";
import { AscError, AscNotFoundError, toAppError } from "@/lib/apple/asc";
import { writeAudit } from "@/lib/data/audit";
import { ascClientFor } from "@/lib/data/integrations/credentials";
import * as reviews from "@/lib/data/reviews";
import { ConflictError } from "@/lib/errors";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { reviewAfterReply } from "./publish-reply";

/** Deletes the reply on Apple, then here; a 404 from Apple means it is already gone, which is what was asked. */
export const deleteReply = defineOperation({
  input: z.object({ reviewId: idSchema, confirm: z.literal("delete", { message: 'Type "delete" to confirm.' }) }),
  permission: "reviews:write",
  scope: (i) => ({ reviewId: i.reviewId }),
  handler: async (ctx, i) => {
    if ((await reviewAfterReply(ctx, i.reviewId)).store === "google_play") {
      throw new ConflictError("Google Play has no way to delete a reply: reply again to replace it.");
    }
    const { review, credentials } = await reviews.loadReplyTarget(ctx, i.reviewId);
    if (!review.developerResponseId) return reviewAfterReply(ctx, review.id);
    try {
      await ascClientFor(credentials).deleteResponse(review.developerResponseId);
    } catch (error) {
      if (!(error instanceof AscNotFoundError)) {
        if (error instanceof AscError) throw toAppError(error);
        throw error;
      }
    }
    await reviews.storeReply(review.id, null, null);
    await writeAudit(ctx, { action: "review.reply_deleted", targetType: "review", targetId: review.id, metadata: { responseId: review.developerResponseId } });
    return reviewAfterReply(ctx, review.id);
  },
  revalidate: () => ["/dashboard/reviews"],
});

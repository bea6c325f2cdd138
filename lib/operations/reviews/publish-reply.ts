import "server-only";
import { z } from "zod";
import { AscValidationError, toAppError, type AscClient, type AscReviewResponse } from "@/lib/apple/asc";
import type { AppAccess } from "@/lib/auth/access";
import { writeAudit } from "@/lib/data/audit";
import { ascClientFor } from "@/lib/data/integrations/credentials";
import * as reviews from "@/lib/data/reviews";
import { NotFoundError } from "@/lib/errors";
import { idSchema, replyTextSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { publishPlayReply } from "../google-play/publish-play-reply";

/** What Apple has for this review now; undefined when Apple cannot be asked either. */
async function readReplyOnApple(client: AscClient, review: reviews.ReplyTarget): Promise<AscReviewResponse | null | undefined> {
  try {
    const current = await client.getReview(review.externalId);
    if (!current) return null;
    if (current.response) return current.response;
    // include=response can hide a pending reply: the stored one decides, read by id.
    return review.developerResponseId ? await client.getResponse(review.developerResponseId) : null;
  } catch {
    return undefined;
  }
}

/** The review as the dashboard shows it after a change. */
export async function reviewAfterReply(ctx: AppAccess, reviewId: string): Promise<reviews.ReviewView> {
  const view = await reviews.getReview(ctx, reviewId);
  if (!view) throw new NotFoundError("Review");
  return view;
}

/**
 * Reply, or edit the existing reply. Apple's POST replaces it: the old reply stays live until the new one is
 * accepted, so a failure never leaves the review without the reply the App Store shows. Only what Apple has is
 * stored: after a failure the review is re-read from Apple and stored as it is there, and the caller keeps its draft.
 */
export const publishReply = defineOperation({
  input: z.object({ reviewId: idSchema, body: replyTextSchema }),
  permission: "reviews:write",
  scope: (i) => ({ reviewId: i.reviewId }),
  handler: async (ctx, i) => {
    // Each store's own reply call: the same permission gate, audit log and "the store stays the source of truth".
    if ((await reviewAfterReply(ctx, i.reviewId)).store === "google_play") {
      await publishPlayReply({ teamId: ctx.teamId, reviewId: i.reviewId, text: i.body, actor: { actorUserId: ctx.actorUserId, caller: ctx.caller } });
      return reviewAfterReply(ctx, i.reviewId);
    }
    const { review, credentials } = await reviews.loadReplyTarget(ctx, i.reviewId);
    const client = ascClientFor(credentials);
    const editing = review.developerResponseId !== null;
    let reply: AscReviewResponse;
    try {
      reply = await client.createOrReplaceResponse(review.externalId, i.body);
    } catch (error) {
      if (error instanceof AscValidationError && error.status === null) throw toAppError(error);
      // The client already retried; now show the truth and let the caller keep the draft.
      const truth = await readReplyOnApple(client, review);
      if (truth !== undefined) await reviews.storeReply(review.id, truth, truth && truth.id === review.developerResponseId ? undefined : null);
      throw toAppError(error);
    }
    await reviews.storeReply(review.id, reply, ctx.actorUserId);
    await writeAudit(ctx, {
      action: editing ? "review.reply_updated" : "review.reply_created",
      targetType: "review",
      targetId: review.id,
      metadata: { responseId: reply.id, previousResponseId: review.developerResponseId, length: i.body.length, state: reply.state },
    });
    return reviewAfterReply(ctx, review.id);
  },
  revalidate: () => ["/dashboard/reviews"],
});

import "server-only";
// The stored side of replies: which review and credentials a reply goes through, and what Apple answered. The
// calls to Apple are the operations' (lib/operations/reviews/publish-reply.ts, delete-reply.ts): the dashboard
// stores only what Apple has.
import type { AscCredentials, AscReviewResponse } from "@/lib/apple/asc";
import type { AppAccess } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { loadIntegration } from "../integrations/credentials";

export interface ReplyTarget {
  id: string;
  externalId: string;
  projectId: string;
  developerResponseId: string | null;
}

/** The review and its project's App Store Connect credentials; refused when the integration is missing or off. */
export async function loadReplyTarget(ctx: AppAccess, reviewId: string): Promise<{ review: ReplyTarget; credentials: AscCredentials }> {
  const review = await db.appStoreReview.findFirst({
    where: { id: reviewId, teamId: ctx.teamId },
    select: { id: true, externalId: true, projectId: true, developerResponseId: true },
  });
  if (!review) throw new NotFoundError("Review");
  const integration = await loadIntegration(review.projectId, ctx.teamId);
  if (!integration) throw new ConflictError("Connect App Store Connect for this project (Integrations) before replying.");
  if (!integration.enabled) throw new ConflictError("The App Store Connect integration of this project is disabled. Enable it to reply.");
  return { review, credentials: integration.credentials };
}

/**
 * Stores the reply Apple has (null: none). `byUserId` undefined keeps who replied (the same reply, re-read);
 * null records a reply not made from the dashboard.
 */
export async function storeReply(reviewId: string, reply: AscReviewResponse | null, byUserId: string | null | undefined) {
  await db.appStoreReview.update({
    where: { id: reviewId },
    data: reply
      ? {
          developerResponse: reply.body,
          developerResponseId: reply.id,
          developerResponseState: reply.state,
          developerResponseAt: reply.lastModifiedDate ? new Date(reply.lastModifiedDate) : new Date(),
          ...(byUserId !== undefined ? { respondedByUserId: byUserId } : {}),
          updatedAt: new Date(),
        }
      : { developerResponse: null, developerResponseId: null, developerResponseState: null, developerResponseAt: null, respondedByUserId: null, updatedAt: new Date() },
  });
}

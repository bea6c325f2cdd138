import "server-only";
// Reply, edit and delete on the App Store. The dashboard only ever shows what Apple has: after a failure the
// review is re-read from Apple and stored as it is there, and the caller keeps its draft.
import { AscError, AscNotFoundError, AscValidationError, type AscClient, type AscReviewResponse } from "@/lib/apple/asc";
import type { AppAccess } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { writeAudit } from "../audit";
import { toAppError } from "../integrations/asc-errors";
import { ascClientFor, loadIntegration } from "../integrations/credentials";
import { getReview } from "./search";
import type { ReviewView } from "./view";

interface StoredReview {
  id: string;
  externalId: string;
  projectId: string;
  developerResponseId: string | null;
}

async function loadForReply(ctx: AppAccess, reviewId: string): Promise<{ review: StoredReview; client: AscClient }> {
  const review = await db.appStoreReview.findFirst({
    where: { id: reviewId, teamId: ctx.teamId },
    select: { id: true, externalId: true, projectId: true, developerResponseId: true },
  });
  if (!review) throw new NotFoundError("Review");
  const integration = await loadIntegration(review.projectId, ctx.teamId);
  if (!integration) throw new ConflictError("Connect App Store Connect for this project (Integrations) before replying.");
  if (!integration.enabled) throw new ConflictError("The App Store Connect integration of this project is disabled. Enable it to reply.");
  return { review, client: ascClientFor(integration.credentials) };
}

async function storeReply(reviewId: string, reply: AscReviewResponse | null, byUserId: string | null | undefined) {
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

/** What Apple has for this review now; undefined when Apple cannot be asked either. */
async function readTruth(client: AscClient, review: StoredReview): Promise<AscReviewResponse | null | undefined> {
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

async function view(ctx: AppAccess, reviewId: string): Promise<ReviewView> {
  const v = await getReview(ctx, reviewId);
  if (!v) throw new NotFoundError("Review");
  return v;
}

/**
 * Publishes a reply, or replaces the existing one (Apple's POST overwrites: the old reply stays live until
 * the new one is accepted, so a failure never leaves the review without the reply the App Store shows).
 */
export async function publishReply(ctx: AppAccess, reviewId: string, body: string): Promise<ReviewView> {
  const { review, client } = await loadForReply(ctx, reviewId);
  const editing = review.developerResponseId !== null;
  let reply: AscReviewResponse;
  try {
    reply = await client.createOrReplaceResponse(review.externalId, body);
  } catch (error) {
    if (error instanceof AscValidationError && error.status === null) throw toAppError(error);
    // The client already retried; now show the truth and let the caller keep the draft.
    const truth = await readTruth(client, review);
    if (truth !== undefined) await storeReply(review.id, truth, truth && truth.id === review.developerResponseId ? undefined : null);
    throw toAppError(error);
  }
  await storeReply(review.id, reply, ctx.actorUserId);
  await writeAudit(ctx, {
    action: editing ? "review.reply_updated" : "review.reply_created",
    targetType: "review",
    targetId: review.id,
    metadata: { responseId: reply.id, previousResponseId: review.developerResponseId, length: body.length, state: reply.state },
  });
  return view(ctx, review.id);
}

/** Deletes the reply on Apple; a 404 means it is already gone, which is what was asked. */
export async function deleteReply(ctx: AppAccess, reviewId: string): Promise<ReviewView> {
  const { review, client } = await loadForReply(ctx, reviewId);
  if (!review.developerResponseId) return view(ctx, review.id);
  try {
    await client.deleteResponse(review.developerResponseId);
  } catch (error) {
    if (!(error instanceof AscNotFoundError)) {
      if (error instanceof AscError) throw toAppError(error);
      throw error;
    }
  }
  await storeReply(review.id, null, null);
  await writeAudit(ctx, { action: "review.reply_deleted", targetType: "review", targetId: review.id, metadata: { responseId: review.developerResponseId } });
  return view(ctx, review.id);
}

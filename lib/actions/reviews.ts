"use server";
import type { ReviewFilters } from "@/lib/data/reviews/filters";
import { deleteReplyAction, getReviewAction, publishReplyAction, searchReviewsAction } from "./defs/reviews";

export async function searchReviews(input: ReviewFilters & { teamId: string; cursor?: string | null }) {
  return searchReviewsAction.invoke(input);
}
export async function getReview(input: { reviewId: string }) {
  return getReviewAction.invoke(input);
}
export async function publishReply(input: { reviewId: string; body: string }) {
  return publishReplyAction.invoke(input);
}
export async function deleteReply(input: { reviewId: string; confirm: string }) {
  return deleteReplyAction.invoke(input as never);
}

"use server";
import * as reviews from "@/lib/operations/reviews";
import { serverAction } from "@/lib/operations/adapters/server-action";

export const searchReviews = serverAction(reviews.searchReviews);
export const getReview = serverAction(reviews.getReview);
export const publishReply = serverAction(reviews.publishReply);
export const deleteReply = serverAction(reviews.deleteReply);

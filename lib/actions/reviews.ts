"use server";
import * as reviews from "@/lib/operations/reviews";
import { serverAction } from "@/lib/operations/adapters/server-action";

export const publishReply = serverAction(reviews.publishReply);
export const deleteReply = serverAction(reviews.deleteReply);

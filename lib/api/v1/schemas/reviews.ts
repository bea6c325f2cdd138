import { z } from "zod";
import { reviewFiltersSchema } from "@/lib/data/reviews/filters";
import { replyTextSchema } from "@/lib/validation";
import { isoDateTime, uuid } from "./common";

export const reviewParams = z.object({ reviewId: uuid("review") });

export const reviewListQuery = reviewFiltersSchema.extend({
  teamId: uuid("team").optional().describe("The team to search; defaults to the agent key's team (required for browser sessions)."),
  cursor: z.string().max(200).optional().describe("nextCursor of the previous page."),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const replyBodySchema = z.object({
  body: replyTextSchema.describe("The public reply. Replaces the existing reply when there is one."),
});

export const reviewReplySchema = z.object({
  id: z.string().nullable(),
  body: z.string(),
  state: z.enum(["PUBLISHED", "PENDING_PUBLISH"]).nullable(),
  at: isoDateTime.nullable(),
  byUserName: z.string().nullable().describe("Who replied from Starboard; null when made in App Store Connect or by an agent key."),
});

export const reviewSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    appId: z.string(),
    appName: z.string(),
    store: z.string(),
    externalId: z.string(),
    rating: z.number().int().min(1).max(5),
    title: z.string().nullable(),
    body: z.string(),
    reviewer: z.string().nullable(),
    countryCode: z.string().nullable(),
    createdAt: isoDateTime,
    reply: reviewReplySchema.nullable(),
  })
  .meta({ id: "Review" });

export const reviewPageSchema = z
  .object({ items: z.array(reviewSchema), nextCursor: z.string().nullable() })
  .meta({ id: "ReviewPage" });

export const reviewDetailSchema = z
  .object({ review: reviewSchema, canReply: z.boolean().describe("Whether this caller may publish or delete the reply.") })
  .meta({ id: "ReviewDetail" });

export const reviewResultSchema = z.object({ review: reviewSchema }).meta({ id: "ReviewResult" });

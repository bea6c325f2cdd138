import { z } from "zod";
import { reviewFiltersSchema } from "@/lib/data/reviews/filters";
import { STORES } from "@/lib/data/stores";
import { replyTextSchema } from "@/lib/validation";
import { isoDateTime, uuid } from "./common";

export const reviewParams = z.object({ reviewId: uuid("review") });

export const reviewListQuery = reviewFiltersSchema.extend({
  language: reviewFiltersSchema.shape.language.describe("Detected language of the review, ISO 639-1 (de, ja, …)."),
  q: reviewFiltersSchema.shape.q.describe(
    "Full text in any language: words (inflected forms and, from 3 letters, prefixes match; Chinese, Japanese and Korean words match inside unspaced text), \"exact phrases\", -exclusions, `or` between two terms. At most 200 characters and 16 words.",
  ),
  nickname: reviewFiltersSchema.shape.nickname.describe("Reviewer name containing this text (1–2 characters: starting with it)."),
  from: reviewFiltersSchema.shape.from.describe("Written on or after this day (YYYY-MM-DD, UTC)."),
  to: reviewFiltersSchema.shape.to.describe("Written on or before this day (YYYY-MM-DD, UTC); not before `from`."),
  sort: reviewFiltersSchema.shape.sort.describe("newest (default) or oldest first, or lowest or highest rating first (newest first within a rating). A cursor is valid only for the order it came from."),
  teamId: uuid("team").optional().describe("The team to search; defaults to the agent key's team (required for browser sessions)."),
  cursor: z.string().max(200).optional().describe("nextCursor of the previous page."),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const replyBodySchema = z.object({
  body: replyTextSchema.describe("The public reply. Replaces the existing reply when there is one. At most 5,970 characters on the App Store, 350 on Google Play."),
});

export const reviewReplySchema = z.object({
  id: z.string().nullable(),
  body: z.string(),
  state: z.enum(["PUBLISHED", "PENDING_PUBLISH"]).nullable(),
  at: isoDateTime.nullable(),
  byUserName: z.string().nullable().describe("Who replied from Starboard; null when made in App Store Connect, Play Console or by an agent key."),
});

export const reviewSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    appId: z.string(),
    appName: z.string(),
    store: z.enum(STORES).describe("Where the review was written; filter with store=."),
    externalId: z.string(),
    rating: z.number().int().min(1).max(5),
    title: z.string().nullable(),
    body: z.string(),
    reviewer: z.string().nullable(),
    countryCode: z.string().nullable().describe("Null on Google Play, whose reviews carry no country."),
    language: z.string().nullable().describe("Detected language (ISO 639-1); null when the text does not tell."),
    createdAt: isoDateTime,
    reply: reviewReplySchema.nullable(),
  })
  .meta({ id: "Review" });

export const reviewPageSchema = z
  .object({
    items: z.array(reviewSchema),
    nextCursor: z.string().nullable(),
    total: z
      .object({ count: z.number().int(), capped: z.boolean().describe("True when more reviews match than count (counting stops at 1,000).") })
      .describe("How many reviews match the filters."),
  })
  .meta({ id: "ReviewPage" });

export const reviewDetailSchema = z
  .object({ review: reviewSchema, canReply: z.boolean().describe("Whether this caller may publish or delete the reply.") })
  .meta({ id: "ReviewDetail" });

export const reviewResultSchema = z.object({ review: reviewSchema }).meta({ id: "ReviewResult" });

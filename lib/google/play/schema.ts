// Raw Android Publisher v3 review documents, validated loosely: proto3 JSON omits empty fields, so almost
// everything is optional, and each review is checked on its own by the transform.
import { z } from "zod";

/** int64 seconds arrive as a string; nanos as a number. */
export const rawTimestampSchema = z.object({ seconds: z.union([z.string(), z.number()]).optional(), nanos: z.number().optional() });

export const rawUserCommentSchema = z
  .object({
    text: z.string().optional(),
    originalText: z.string().optional(),
    lastModified: rawTimestampSchema.optional(),
    starRating: z.unknown(),
    reviewerLanguage: z.string().optional(),
    device: z.string().optional(),
    androidOsVersion: z.number().optional(),
    appVersionCode: z.number().optional(),
    appVersionName: z.string().optional(),
    thumbsUpCount: z.number().optional(),
    thumbsDownCount: z.number().optional(),
  })
  .loose();

export const rawDeveloperCommentSchema = z.object({ text: z.string().optional(), lastModified: rawTimestampSchema.optional() }).loose();

export const rawReviewSchema = z
  .object({
    reviewId: z.string().min(1),
    authorName: z.string().optional(),
    comments: z
      .array(z.object({ userComment: rawUserCommentSchema.optional(), developerComment: rawDeveloperCommentSchema.optional() }).loose())
      .optional(),
  })
  .loose();
export type RawPlayReview = z.infer<typeof rawReviewSchema>;

export const rawReviewsPageSchema = z
  .object({
    reviews: z.array(z.unknown()).optional(),
    tokenPagination: z.object({ nextPageToken: z.string().optional(), previousPageToken: z.string().optional() }).loose().optional(),
    pageInfo: z.object({ totalResults: z.number().optional(), resultPerPage: z.number().optional(), startIndex: z.number().optional() }).loose().optional(),
  })
  .loose();

export const rawReplyResultSchema = z.object({
  result: z.object({ replyText: z.string().optional(), lastEdited: rawTimestampSchema.optional() }).loose().optional(),
});

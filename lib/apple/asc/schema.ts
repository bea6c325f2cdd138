// Raw App Store Connect documents (JSON:API), validated loosely: sparse fieldsets drop attributes.
import { z } from "zod";

const ref = z.object({ type: z.string(), id: z.string() });

export const rawResponseResourceSchema = z.object({
  type: z.literal("customerReviewResponses"),
  id: z.string(),
  attributes: z
    .object({
      responseBody: z.string().nullish(),
      lastModifiedDate: z.string().nullish(),
      state: z.string().nullish(),
    })
    .optional(),
  relationships: z.object({ review: z.object({ data: ref.nullish() }).optional() }).optional(),
});
export type RawResponseResource = z.infer<typeof rawResponseResourceSchema>;

/** Attributes stay unknown here: the transform checks each one, so one odd review is skipped, not the whole page. */
export const rawReviewSchema = z.object({
  type: z.literal("customerReviews"),
  id: z.string().min(1),
  attributes: z
    .object({
      rating: z.unknown(),
      title: z.unknown(),
      body: z.unknown(),
      reviewerNickname: z.unknown(),
      createdDate: z.unknown(),
      territory: z.unknown(),
    })
    .partial()
    .optional(),
  relationships: z
    .object({ response: z.object({ data: ref.nullish() }).optional() })
    .optional(),
});
export type RawReview = z.infer<typeof rawReviewSchema>;

const links = z.object({ self: z.string().optional(), next: z.string().optional() }).optional();
const meta = z.object({ paging: z.object({ total: z.number().int().optional(), limit: z.number().int().optional() }).optional() }).optional();
const anyIncluded = z.array(z.object({ type: z.string(), id: z.string() }).loose()).optional();

export const rawReviewsPageSchema = z.object({ data: z.array(z.unknown()), included: anyIncluded, links, meta });
export const rawReviewDocumentSchema = z.object({ data: rawReviewSchema, included: anyIncluded });
export const rawResponseDocumentSchema = z.object({ data: rawResponseResourceSchema });

export const rawAppSchema = z.object({
  type: z.literal("apps"),
  id: z.string(),
  attributes: z.object({ name: z.string().nullish(), bundleId: z.string().nullish() }).optional(),
});
export const rawAppsPageSchema = z.object({ data: z.array(rawAppSchema), links, meta });

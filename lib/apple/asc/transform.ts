// Pure: App Store Connect documents → domain objects.
import { territoryToCountryCode } from "../storefronts";
import {
  rawResponseResourceSchema,
  type RawResponseResource,
  type RawReview,
  rawAppsPageSchema,
  rawReviewDocumentSchema,
  rawReviewsPageSchema,
  rawResponseDocumentSchema,
} from "./schema";

export type ResponseState = "PUBLISHED" | "PENDING_PUBLISH";

export interface AscReviewResponse {
  id: string;
  body: string;
  /** ISO 8601 as Apple sends it, or null when omitted. */
  lastModifiedDate: string | null;
  state: ResponseState;
  /** Present when Apple includes the relationship. */
  reviewId: string | null;
}

export interface AscReview {
  id: string;
  rating: number;
  title: string | null;
  body: string;
  reviewerNickname: string;
  /** ISO 8601 with Apple's offset, e.g. 2026-01-05T10:24:11-07:00. */
  createdDate: string;
  /** ASC territory (alpha-3), e.g. USA, XKS. */
  territory: string;
  /** Lowercase alpha-2 (storefront-style), null for codes we cannot map. */
  countryCode: string | null;
  /**
   * The developer response when Apple included it; null when there is none or Apple did not show it
   * (pending responses are not reliably included: re-read them by id).
   */
  response: AscReviewResponse | null;
}

export interface AscApp {
  id: string;
  name: string;
  bundleId: string;
}

export interface AscReviewPage {
  reviews: AscReview[];
  /** Absolute URL of the next page, null on the last page. */
  nextUrl: string | null;
  total: number | null;
}

export function toReviewResponse(raw: RawResponseResource): AscReviewResponse {
  const state = raw.attributes?.state === "PENDING_PUBLISH" ? "PENDING_PUBLISH" : "PUBLISHED";
  return {
    id: raw.id,
    body: raw.attributes?.responseBody ?? "",
    lastModifiedDate: raw.attributes?.lastModifiedDate ?? null,
    state,
    reviewId: raw.relationships?.review?.data?.id ?? null,
  };
}

/** Index included customerReviewResponses by id; other included types are ignored. */
export function indexIncludedResponses(included: readonly { type: string; id: string }[] | undefined): Map<string, AscReviewResponse> {
  const map = new Map<string, AscReviewResponse>();
  for (const item of included ?? []) {
    if (item.type !== "customerReviewResponses") continue;
    const parsed = rawResponseResourceSchema.safeParse(item);
    if (parsed.success) map.set(parsed.data.id, toReviewResponse(parsed.data));
  }
  return map;
}

export function toReview(raw: RawReview, responses: Map<string, AscReviewResponse>): AscReview {
  const a = raw.attributes ?? {};
  const responseRef = raw.relationships?.response?.data;
  const territory = (a.territory ?? "").toUpperCase();
  const rating = a.rating ?? 0;
  return {
    id: raw.id,
    rating: Math.min(5, Math.max(1, rating || 1)),
    title: a.title?.trim() ? a.title : null,
    body: a.body ?? "",
    reviewerNickname: a.reviewerNickname ?? "",
    createdDate: a.createdDate ?? "",
    territory,
    countryCode: territoryToCountryCode(territory),
    response: responseRef ? (responses.get(responseRef.id) ?? null) : null,
  };
}

export function parseReviewsPage(json: unknown, baseUrl?: string): AscReviewPage {
  const doc = rawReviewsPageSchema.parse(json);
  const responses = indexIncludedResponses(doc.included);
  const next = doc.links?.next;
  return {
    reviews: doc.data.map((r) => toReview(r, responses)),
    nextUrl: next ? new URL(next, baseUrl ?? next).toString() : null,
    total: doc.meta?.paging?.total ?? null,
  };
}

export function parseReviewDocument(json: unknown): AscReview {
  const doc = rawReviewDocumentSchema.parse(json);
  return toReview(doc.data, indexIncludedResponses(doc.included));
}

export function parseResponseDocument(json: unknown): AscReviewResponse {
  return toReviewResponse(rawResponseDocumentSchema.parse(json).data);
}

export function parseAppsPage(json: unknown): { apps: AscApp[]; nextUrl: string | null; total: number | null } {
  const doc = rawAppsPageSchema.parse(json);
  return {
    apps: doc.data.map((a) => ({ id: a.id, name: a.attributes?.name ?? "", bundleId: a.attributes?.bundleId ?? "" })),
    nextUrl: doc.links?.next ?? null,
    total: doc.meta?.paging?.total ?? null,
  };
}

// Pure: App Store Connect documents → domain objects.
import { toStorableText } from "@/lib/validation";
import { territoryToCountryCode } from "../storefronts";
import {
  rawResponseResourceSchema,
  rawReviewSchema,
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

/** A review Apple listed that cannot be stored as it is: skipped (a stored copy is kept), counted, never guessed at. */
export interface MalformedReview {
  /** null when not even the id could be read. */
  id: string | null;
  reason: string;
}

export interface AscReviewPage {
  reviews: AscReview[];
  malformed: MalformedReview[];
  /** Absolute URL of the next page, null on the last page. */
  nextUrl: string | null;
  total: number | null;
}

export { toStorableText };

export function toReviewResponse(raw: RawResponseResource): AscReviewResponse {
  const state = raw.attributes?.state === "PENDING_PUBLISH" ? "PENDING_PUBLISH" : "PUBLISHED";
  return {
    id: raw.id,
    body: toStorableText(raw.attributes?.responseBody ?? ""),
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

const optionalText = (v: unknown): string | null | undefined => (v === undefined || v === null ? null : typeof v === "string" ? v : undefined);

/** The review, or why it cannot be stored: a rating outside 1–5 or a date that does not parse is never replaced by a guess. */
export function toReview(raw: RawReview, responses: Map<string, AscReviewResponse>): AscReview | MalformedReview {
  const a = raw.attributes ?? {};
  const bad = (reason: string): MalformedReview => ({ id: raw.id, reason });
  if (typeof a.rating !== "number" || !Number.isInteger(a.rating) || a.rating < 1 || a.rating > 5) return bad(`rating ${JSON.stringify(a.rating ?? null)} is not 1–5`);
  if (typeof a.createdDate !== "string" || Number.isNaN(Date.parse(a.createdDate))) return bad(`createdDate ${JSON.stringify(a.createdDate ?? null)} is not a date`);
  const [title, body, nickname, territoryRaw] = [optionalText(a.title), optionalText(a.body), optionalText(a.reviewerNickname), optionalText(a.territory)];
  if (title === undefined || body === undefined || nickname === undefined || territoryRaw === undefined) return bad("a text attribute is not a string");
  const responseRef = raw.relationships?.response?.data;
  const territory = (territoryRaw ?? "").toUpperCase();
  const cleanTitle = title === null ? null : toStorableText(title);
  return {
    id: raw.id,
    rating: a.rating,
    title: cleanTitle?.trim() ? cleanTitle : null,
    body: toStorableText(body ?? ""),
    reviewerNickname: toStorableText(nickname ?? ""),
    createdDate: a.createdDate,
    territory,
    countryCode: territoryToCountryCode(territory),
    response: responseRef ? (responses.get(responseRef.id) ?? null) : null,
  };
}

const isMalformed = (r: AscReview | MalformedReview): r is MalformedReview => "reason" in r;

export function parseReviewsPage(json: unknown, baseUrl?: string): AscReviewPage {
  const doc = rawReviewsPageSchema.parse(json);
  const responses = indexIncludedResponses(doc.included);
  const next = doc.links?.next;
  const reviews: AscReview[] = [];
  const malformed: MalformedReview[] = [];
  for (const item of doc.data) {
    const parsed = rawReviewSchema.safeParse(item);
    if (!parsed.success) {
      const id = (item as { id?: unknown } | null)?.id;
      malformed.push({ id: typeof id === "string" && id ? id : null, reason: "not a customerReviews resource" });
      continue;
    }
    const review = toReview(parsed.data, responses);
    if (isMalformed(review)) malformed.push(review);
    else reviews.push(review);
  }
  return {
    reviews,
    malformed,
    nextUrl: next ? new URL(next, baseUrl ?? next).toString() : null,
    total: doc.meta?.paging?.total ?? null,
  };
}

/** One review; a review that cannot be stored as it is throws (the caller reports Apple's odd answer). */
export function parseReviewDocument(json: unknown): AscReview {
  const doc = rawReviewDocumentSchema.parse(json);
  const review = toReview(doc.data, indexIncludedResponses(doc.included));
  if (isMalformed(review)) throw new Error(`App Store Connect sent review ${review.id} with ${review.reason}`);
  return review;
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

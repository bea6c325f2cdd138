import { describe, expect, it } from "vitest";
import { ascErrorFromResponse, AscAgreementError, AscForbiddenError, AscRateLimitError, parseRateLimitHeader, parseRetryAfter } from "./errors";
import { parseAppsPage, parseReviewDocument, parseReviewsPage, toStorableText } from "./transform";

// Shaped like GET /v1/apps/{id}/customerReviews?include=response with sparse fieldsets.
const page = {
  data: [
    {
      type: "customerReviews",
      id: "00000029-8f1e-5401-e3e8-9d5b00000000",
      attributes: { rating: 5, title: "Love it", body: "Best weather app.", reviewerNickname: "sunny", createdDate: "2026-01-05T10:24:11-07:00", territory: "USA" },
      relationships: { response: { data: { type: "customerReviewResponses", id: "resp-1" }, links: { self: "https://api.appstoreconnect.apple.com/v1/customerReviews/x/relationships/response" } } },
      links: { self: "https://api.appstoreconnect.apple.com/v1/customerReviews/00000029-8f1e-5401-e3e8-9d5b00000000" },
    },
    {
      type: "customerReviews",
      id: "r2",
      attributes: { rating: 2, body: "Crashes on launch", reviewerNickname: "kosovar", createdDate: "2026-01-04T09:00:00-07:00", territory: "XKS" },
      relationships: { response: { data: null } },
    },
    {
      type: "customerReviews",
      id: "r3",
      attributes: { rating: 4, title: "", body: "ok", reviewerNickname: "x", createdDate: "2026-01-03T09:00:00-07:00", territory: "ANT" },
      relationships: { response: { data: { type: "customerReviewResponses", id: "pending-not-included" } } },
    },
  ],
  included: [
    { type: "customerReviewResponses", id: "resp-1", attributes: { responseBody: "Thanks!", lastModifiedDate: "2026-01-06T08:00:00-07:00", state: "PUBLISHED" } },
    { type: "apps", id: "123", attributes: {} },
  ],
  links: { self: "https://api.appstoreconnect.apple.com/v1/apps/1/customerReviews", next: "https://api.appstoreconnect.apple.com/v1/apps/1/customerReviews?cursor=Mg.AAAA" },
  meta: { paging: { total: 1203, limit: 200 } },
};

describe("parseReviewsPage", () => {
  const parsed = parseReviewsPage(page);

  it("maps reviews and joins responses from included", () => {
    expect(parsed.reviews[0]).toEqual({
      id: "00000029-8f1e-5401-e3e8-9d5b00000000",
      rating: 5,
      title: "Love it",
      body: "Best weather app.",
      reviewerNickname: "sunny",
      createdDate: "2026-01-05T10:24:11-07:00",
      territory: "USA",
      countryCode: "us",
      response: { id: "resp-1", body: "Thanks!", lastModifiedDate: "2026-01-06T08:00:00-07:00", state: "PUBLISHED", reviewId: null },
    });
    expect(parsed.nextUrl).toContain("cursor=Mg.AAAA");
    expect(parsed.total).toBe(1203);
  });

  it("handles reviews without a title, Kosovo, unknown territories and responses not included", () => {
    expect(parsed.reviews[1]).toMatchObject({ title: null, territory: "XKS", countryCode: "xk", response: null });
    expect(parsed.reviews[2]).toMatchObject({ title: null, territory: "ANT", countryCode: null, response: null });
  });

  it("has no next URL on the last page", () => {
    expect(parseReviewsPage({ data: [], links: { self: "x" } })).toEqual({ reviews: [], malformed: [], nextUrl: null, total: null });
  });

  it("skips a review whose rating is not 1–5 or whose date does not parse, with the reason, and keeps the rest", () => {
    const odd = (id: string, attributes: Record<string, unknown>) => ({ type: "customerReviews", id, attributes: { ...page.data[1].attributes, ...attributes } });
    const parsed = parseReviewsPage({
      data: [odd("zero", { rating: 0 }), odd("seven", { rating: 7 }), odd("text", { rating: "5" }), odd("half", { rating: 4.5 }), odd("none", { rating: null }), odd("date", { createdDate: "yesterday" }), odd("nodate", { createdDate: undefined }), odd("body", { body: 42 }), { type: "apps", id: "x" }, null, page.data[1]],
    });
    expect(parsed.reviews.map((r) => r.id)).toEqual(["r2"]);
    expect(parsed.malformed).toEqual([
      { id: "zero", reason: "rating 0 is not 1–5" },
      { id: "seven", reason: "rating 7 is not 1–5" },
      { id: "text", reason: 'rating "5" is not 1–5' },
      { id: "half", reason: "rating 4.5 is not 1–5" },
      { id: "none", reason: "rating null is not 1–5" },
      { id: "date", reason: 'createdDate "yesterday" is not a date' },
      { id: "nodate", reason: "createdDate null is not a date" },
      { id: "body", reason: "a text attribute is not a string" },
      { id: "x", reason: "not a customerReviews resource" },
      { id: null, reason: "not a customerReviews resource" },
    ]);
    expect(() => parseReviewDocument({ data: odd("zero", { rating: 0 }) })).toThrow(/rating 0 is not 1–5/);
  });

  it("stores NUL-free, well-formed text: NUL stripped, lone surrogates replaced, whole emoji kept", () => {
    expect(toStorableText("a\u0000b")).toBe("ab");
    expect(toStorableText("half \ud83d")).toBe("half \ufffd");
    expect(toStorableText("\udc00x")).toBe("\ufffdx");
    expect(toStorableText("ok 👍")).toBe("ok 👍");
    const parsed = parseReviewsPage({
      data: [{ type: "customerReviews", id: "nul", attributes: { rating: 3, title: "\u0000", body: "Cr\u0000ash \ud83d", reviewerNickname: "\udc00nick", createdDate: "2026-01-03T09:00:00-07:00", territory: "USA" }, relationships: { response: { data: { type: "customerReviewResponses", id: "r" } } } }],
      included: [{ type: "customerReviewResponses", id: "r", attributes: { responseBody: "Thanks\u0000 \ud83d", state: "PUBLISHED" } }],
    });
    expect(parsed.reviews[0]).toMatchObject({ title: null, body: "Crash \ufffd", reviewerNickname: "\ufffdnick", response: { body: "Thanks \ufffd" } });
  });

  it("reads a single review document", () => {
    const review = parseReviewDocument({ data: page.data[0], included: page.included, links: { self: "x" } });
    expect(review.response?.body).toBe("Thanks!");
  });
});

describe("parseAppsPage", () => {
  it("maps apps", () => {
    const parsed = parseAppsPage({ data: [{ type: "apps", id: "1", attributes: { name: "Weather", bundleId: "com.example.weather" } }], links: { self: "x" } });
    expect(parsed.apps).toEqual([{ id: "1", name: "Weather", bundleId: "com.example.weather" }]);
  });
});

describe("errors", () => {
  const doc = (status: number, code: string) => ({ errors: [{ id: "e", status: String(status), code, title: "t", detail: "d" }] });

  it("maps Apple's codes to classes with hints", () => {
    const agreement = ascErrorFromResponse(403, doc(403, "FORBIDDEN.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED"));
    expect(agreement).toBeInstanceOf(AscAgreementError);
    expect(agreement.hint).toMatch(/Account Holder/);
    const forbidden = ascErrorFromResponse(403, doc(403, "FORBIDDEN_ERROR"));
    expect(forbidden).toBeInstanceOf(AscForbiddenError);
    expect(forbidden.hint).toMatch(/Customer Support/);
    expect(forbidden).toMatchObject({ status: 403, code: "FORBIDDEN_ERROR", detail: "d" });
    const limited = ascErrorFromResponse(429, doc(429, "RATE_LIMIT_EXCEEDED"), { rateLimit: "user-hour-lim:3600;user-hour-rem:0;", retryAfter: "30" });
    expect(limited).toBeInstanceOf(AscRateLimitError);
    expect(limited).toMatchObject({ rateLimit: { limit: 3600, remaining: 0 }, retryAfterSeconds: 30 });
  });

  it("parses rate-limit headers and Retry-After dates", () => {
    expect(parseRateLimitHeader("user-hour-lim:500;user-hour-rem:12;")).toEqual({ limit: 500, remaining: 12 });
    expect(parseRateLimitHeader(null)).toBeNull();
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 0)).toBe(10);
  });
});

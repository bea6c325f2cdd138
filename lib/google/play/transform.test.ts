import { describe, expect, it } from "vitest";
import { parseReplyResult, parseReviewDocument, parseReviewsPage, splitTitleBody, timestampToIso } from "./transform";

// The Review object as the Android Publisher reference documents it (values illustrative).
const documented = {
  reviewId: "gp:AOqpTOE7o5U4w8bKXpU1p3OmrVjG6yl7",
  authorName: "Jane Bloggs",
  comments: [
    {
      userComment: {
        text: "Great app\tBut it drains the battery",
        originalText: "",
        lastModified: { seconds: "1443676826", nanos: 713000000 },
        starRating: 4,
        reviewerLanguage: "en",
        device: "trltecan",
        androidOsVersion: 21,
        appVersionCode: 12345,
        appVersionName: "1.2.3",
        thumbsUpCount: 10,
        thumbsDownCount: 3,
        deviceMetadata: { productName: "E5333 (Xperia™ C4 Dual)", manufacturer: "Sony", deviceClass: "phone", screenWidthPx: 1080, screenHeightPx: 1920, ramMb: 2048 },
      },
    },
    { developerComment: { text: "Thanks! Fixed in 1.2.4.", lastModified: { seconds: "1443700000", nanos: 0 } } },
  ],
};

describe("Play review transform", () => {
  it("reads the documented Review: title and body split at the tab, seconds as a string, the reply found by kind", () => {
    expect(parseReviewDocument(documented)).toEqual({
      id: "gp:AOqpTOE7o5U4w8bKXpU1p3OmrVjG6yl7",
      authorName: "Jane Bloggs",
      rating: 4,
      title: "Great app",
      body: "But it drains the battery",
      lastModified: "2015-10-01T05:20:26.713Z",
      submittedAt: null,
      reviewerLanguage: "en",
      appVersionName: "1.2.3",
      reply: { text: "Thanks! Fixed in 1.2.4.", lastModified: "2015-10-01T11:46:40.000Z" },
    });
  });

  it("takes the untranslated text when Google translated it, the text when originalText is blank", () => {
    const translated = structuredClone(documented);
    translated.comments[0].userComment!.text = "Sehr gut";
    translated.comments[0].userComment!.originalText = "Very good";
    expect(parseReviewDocument(translated).body).toBe("Very good");
  });

  it("picks the user comment when the reply comes first, and reads a review without reply, title or optional fields", () => {
    const minimal = {
      reviewId: "gp:min",
      comments: [{ developerComment: { text: "Hi" } }, { userComment: { text: "Just text", lastModified: { seconds: 1700000000 }, starRating: 1 } }],
    };
    expect(parseReviewDocument(minimal)).toMatchObject({ id: "gp:min", authorName: null, title: null, body: "Just text", rating: 1, reviewerLanguage: null, reply: { text: "Hi", lastModified: null } });
    const noReply = { reviewId: "gp:nr", comments: [{ userComment: { text: "x", lastModified: { seconds: "1700000000" }, starRating: 3 } }] };
    expect(parseReviewDocument(noReply).reply).toBeNull();
  });

  it("an empty list is {} (proto3 omits empty fields): no reviews, no next page", () => {
    expect(parseReviewsPage({})).toEqual({ reviews: [], malformed: [], nextPageToken: null });
    expect(parseReviewsPage({ tokenPagination: {} })).toEqual({ reviews: [], malformed: [], nextPageToken: null });
  });

  it("keeps good reviews of a page and counts the ones it cannot store, without guessing", () => {
    const page = parseReviewsPage({
      reviews: [
        documented,
        { reviewId: "gp:zero", comments: [{ userComment: { text: "x", lastModified: { seconds: "1700000000" }, starRating: 0 } }] },
        { reviewId: "gp:notime", comments: [{ userComment: { text: "x", starRating: 5 } }] },
        { authorName: "no id" },
      ],
      tokenPagination: { nextPageToken: "CgkI" },
    });
    expect(page.reviews.map((r) => r.id)).toEqual([documented.reviewId]);
    expect(page.malformed).toEqual([
      { id: "gp:zero", reason: "starRating 0 is not 1–5" },
      { id: "gp:notime", reason: "its lastModified is missing or not a time" },
      { id: null, reason: "not a Review object" },
    ]);
    expect(page.nextPageToken).toBe("CgkI");
  });

  it("stores NUL-free, well-formed text: NUL dropped, half an emoji replaced", () => {
    const review = parseReviewDocument({
      reviewId: "gp:odd",
      authorName: "A\u0000B",
      comments: [{ userComment: { text: "Ti\u0000tle\tBody \ud83d end", lastModified: { seconds: "1700000000" }, starRating: 2 } }],
    });
    expect(review).toMatchObject({ authorName: "AB", title: "Title", body: "Body \ufffd end" });
    expect(review.body.isWellFormed()).toBe(true);
  });

  it("reads the reply result as Google kept it (tags stripped there), falling back to what was sent", () => {
    expect(parseReplyResult({ result: { replyText: "Thanks!", lastEdited: { seconds: "1443700000", nanos: 0 } } }, "<b>Thanks!</b>")).toEqual({ text: "Thanks!", lastModified: "2015-10-01T11:46:40.000Z" });
    expect(parseReplyResult({}, "Sent")).toEqual({ text: "Sent", lastModified: null });
  });

  it("helpers", () => {
    expect(splitTitleBody("only body")).toEqual({ title: null, body: "only body" });
    expect(splitTitleBody("\tbody")).toEqual({ title: null, body: "body" });
    expect(timestampToIso({ seconds: "abc" })).toBeNull();
    expect(timestampToIso(undefined)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { normalizeHeader } from "./csv";
import { bucketFromUri, parseReportObjectName, ratingsExportPrefix, reviewsExportPrefix } from "./object-names";
import { toRatingsRow } from "./ratings-export";
import { reviewIdFromLink, toExportReview } from "./reviews-export";

const header = "Package Name,App Version Code,App Version Name,Reviewer Language,Device,Review Submit Date and Time,Review Submit Millis Since Epoch,Review Last Update Date and Time,Review Last Update Millis Since Epoch,Star Rating,Review Title,Review Text,Developer Reply Date and Time,Developer Reply Millis Since Epoch,Developer Reply Text,Review Link".split(",").map(normalizeHeader);
const row = (values: string[]) => Object.fromEntries(header.map((h, i) => [h, values[i] ?? ""]));

describe("reviews export rows", () => {
  it("reads a row by header name: times from the millis columns, the id from the review link", () => {
    const r = toExportReview(
      row(["com.example.app", "42", "1.4.2", "en", "a10", "2026-01-02T03:04:05Z", "1767323045000", "2026-01-05T10:00:00Z", "1767607200000", "2", "Crashes", "Since the update", "2026-01-06T09:00:00Z", "1767690000000", "Fixed in 1.4.3", "http://play.google.com/console/developers/123/app/456/user-feedback/review-details?reviewId=gp%3AAOqpTOHx1&corpus=PUBLIC_REVIEWS"]),
    );
    expect(r).toEqual({
      kind: "review",
      review: {
        id: "gp:AOqpTOHx1",
        authorName: null,
        rating: 2,
        title: "Crashes",
        body: "Since the update",
        lastModified: "2026-01-05T10:00:00.000Z",
        submittedAt: "2026-01-02T03:04:05.000Z",
        reviewerLanguage: "en",
        appVersionName: "1.4.2",
        reply: { text: "Fixed in 1.4.3", lastModified: "2026-01-06T09:00:00.000Z" },
      },
    });
  });

  it("older files without the millis or version columns: ISO times; an empty reply says nothing", () => {
    const r = toExportReview({ "star rating": "5", "review text": "Nice", "review submit date and time": "2025-03-01T00:00:00Z", "review link": "https://play.google.com/apps/publish?account=1#ReviewDetailsPlace:p=com.x&reviewid=gp:ABC" });
    expect(r).toMatchObject({ kind: "review", review: { id: "gp:ABC", lastModified: "2025-03-01T00:00:00.000Z", submittedAt: "2025-03-01T00:00:00.000Z", reply: undefined, title: null } });
  });

  it("a star-only row is not a review; an unreadable rating, time or id is malformed", () => {
    expect(toExportReview(row(["p", "", "", "", "", "2026-01-02T03:04:05Z", "", "", "", "4", "", "", "", "", "", "x?reviewId=gp:1"]))).toEqual({ kind: "no_text" });
    expect(toExportReview({ "star rating": "NA", "review text": "x" })).toMatchObject({ kind: "malformed" });
    expect(toExportReview({ "star rating": "3", "review text": "x", "review link": "x?reviewId=gp:1" })).toMatchObject({ kind: "malformed", reason: expect.stringContaining("time") });
    expect(toExportReview({ "star rating": "3", "review text": "x", "review submit date and time": "2026-01-01T00:00:00Z", "review link": "" })).toMatchObject({ kind: "malformed", reason: expect.stringContaining("id") });
  });

  it("review ids in links", () => {
    expect(reviewIdFromLink("https://x/?a=1&reviewId=gp%3AAO%2Bq")).toBe("gp:AO+q");
    expect(reviewIdFromLink("https://x/?a=1")).toBeNull();
    expect(reviewIdFromLink("https://x/?reviewId=%E0%A4%A")).toBeNull();
  });
});

describe("ratings export rows", () => {
  it("country rows: NA is null (no ratings that day), the total kept, the country lowercased", () => {
    expect(toRatingsRow({ date: "2026-08-03", "package name": "com.x", country: "DE", "daily average rating": "NA", "total average rating": "4.3125" }, "country")).toEqual({
      kind: "row",
      row: { date: "2026-08-03", countryCode: "de", dailyAverage: null, totalAverage: 4.31 },
    });
    expect(toRatingsRow({ date: "2026-08-03", "daily average rating": "3", "total average rating": "" }, "overview")).toEqual({ kind: "row", row: { date: "2026-08-03", countryCode: null, dailyAverage: 3, totalAverage: null } });
  });

  it("never turns an unreadable value into a number", () => {
    expect(toRatingsRow({ date: "2026-08-03", country: "US", "daily average rating": "four", "total average rating": "4" }, "country")).toMatchObject({ kind: "malformed" });
    expect(toRatingsRow({ date: "2026-08-03", country: "US", "daily average rating": "0", "total average rating": "4" }, "country")).toMatchObject({ kind: "malformed" });
    expect(toRatingsRow({ date: "03/08/2026", country: "US" }, "country")).toMatchObject({ kind: "malformed" });
    expect(toRatingsRow({ date: "2026-08-03", country: "Other", "total average rating": "4" }, "country")).toEqual({ kind: "unknown_country", value: "Other" });
  });
});

describe("object names and bucket ids", () => {
  it("months and dimensions of a package's files only", () => {
    expect(reviewsExportPrefix("com.x")).toBe("reviews/reviews_com.x_");
    expect(ratingsExportPrefix("com.x")).toBe("stats/ratings/ratings_com.x_");
    expect(parseReportObjectName("reviews/reviews_com.x_202608.csv", "com.x")).toEqual({ month: "202608", dimension: null });
    expect(parseReportObjectName("stats/ratings/ratings_com.x_202608_country.csv", "com.x")).toEqual({ month: "202608", dimension: "country" });
    expect(parseReportObjectName("stats/ratings/ratings_com.x.pro_202608_country.csv", "com.x")).toBeNull();
    expect(parseReportObjectName("reviews/reviews_comax_202608.csv", "com.x")).toBeNull();
  });

  it("takes the copied URI or the bare id, whatever its prefix", () => {
    expect(bucketFromUri("gs://pubsite_prod_rev_01234567890987654321/reviews")).toBe("pubsite_prod_rev_01234567890987654321");
    expect(bucketFromUri(" pubsite_prod_0123 ")).toBe("pubsite_prod_0123");
    expect(bucketFromUri("gs://Bad Bucket")).toBeNull();
    expect(bucketFromUri("")).toBeNull();
  });
});

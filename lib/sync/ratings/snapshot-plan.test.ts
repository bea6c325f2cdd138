import { describe, expect, it } from "vitest";
import { classifyLookup, parseLookupResponse } from "@/lib/apple/itunes/transform";
import { planStorefrontSnapshot } from "./snapshot-plan";

// Shaped like Apple's answer: long floats, rating fields absent for an app without ratings.
const payload = {
  resultCount: 2,
  results: [
    { wrapperType: "software", trackId: 11, bundleId: "com.a", trackName: "A", version: "2.0", averageUserRating: 4.833330000000000126, userRatingCount: 120, averageUserRatingForCurrentVersion: 4.5, userRatingCountForCurrentVersion: 8 },
    { wrapperType: "software", trackId: 12, bundleId: "com.b", trackName: "B", version: "1.1" },
  ],
};

describe("planStorefrontSnapshot", () => {
  it("turns one storefront's lookup into rows: found → data, no ratings or not sold → absent (tombstone candidates)", () => {
    const outcomes = classifyLookup({ ids: [11, 12, 13] }, parseLookupResponse(payload).apps);
    const plan = planStorefrontSnapshot(
      [
        { appId: "a", trackId: 11 },
        { appId: "b", trackId: 12 },
        { appId: "c", trackId: 13 },
      ],
      outcomes,
    );
    expect(plan).toEqual({
      appIds: ["a", "b", "c"],
      found: [true, false, false],
      averages: [4.83, null, null],
      counts: [120, 0, 0],
      currentVersionAverages: [4.5, null, null],
      currentVersionCounts: [8, null, null],
      keepAverages: [false, false, false],
      keepCounts: [false, false, false],
      keepCurrentVersionAverages: [false, false, false],
      keepCurrentVersionCounts: [false, false, false],
      versions: ["2.0", "1.1", null],
      foundCount: 1,
      noRatingsCount: 1,
      malformedFields: 0,
      unknownCount: 0,
    });
  });

  it("keeps an app present when a field cannot be read: keep flags instead of a value, never absent", () => {
    const odd = { ...payload.results[0], averageUserRating: "N/A", userRatingCountForCurrentVersion: "lots" };
    const outcomes = classifyLookup({ ids: [11] }, parseLookupResponse({ results: [odd] }).apps);
    const plan = planStorefrontSnapshot([{ appId: "a", trackId: 11 }], outcomes);
    expect(plan).toMatchObject({
      found: [true],
      averages: [null],
      counts: [120],
      currentVersionCounts: [null],
      keepAverages: [true],
      keepCounts: [false],
      keepCurrentVersionCounts: [true],
      foundCount: 1,
      malformedFields: 2,
    });
  });

  it("leaves out apps whose absence is uncertain (the answer had a result it could not read)", () => {
    const outcomes = classifyLookup({ ids: [11, 13] }, parseLookupResponse(payload).apps, 1);
    const plan = planStorefrontSnapshot([{ appId: "a", trackId: 11 }, { appId: "c", trackId: 13 }], outcomes);
    expect(plan).toMatchObject({ appIds: ["a"], found: [true], unknownCount: 1 });
  });
});

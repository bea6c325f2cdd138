import { describe, expect, it } from "vitest";
import { classifyLookup, parseLookupResponse, roundRating } from "./transform";

// Trimmed from real itunes.apple.com/lookup answers (fields we do not use left in on purpose).
const weather = {
  isGameCenterEnabled: false,
  artworkUrl512: "https://is1-ssl.mzstatic.com/image/thumb/Purple/v4/512x512bb.jpg",
  artworkUrl100: "https://is1-ssl.mzstatic.com/image/thumb/Purple/v4/100x100bb.jpg",
  trackViewUrl: "https://apps.apple.com/us/app/weather/id1234567890?uo=4",
  fileSizeBytes: "187654321",
  currentVersionReleaseDate: "2026-01-15T08:00:00Z",
  averageUserRatingForCurrentVersion: 4.833330000000000126,
  userRatingCountForCurrentVersion: 312,
  averageUserRating: 4.671229999999999549,
  userRatingCount: 18234,
  trackId: 1234567890,
  trackName: "Weather",
  bundleId: "com.example.weather",
  version: "3.2.1",
  wrapperType: "software",
  kind: "software",
  price: 0.0,
};

describe("parseLookupResponse", () => {
  it("maps Apple's fields and rounds long floats to 2 decimals", () => {
    const { apps, skipped } = parseLookupResponse({ resultCount: 1, results: [weather] });
    expect(skipped).toBe(0);
    expect(apps[0]).toEqual({
      trackId: 1234567890,
      bundleId: "com.example.weather",
      trackName: "Weather",
      version: "3.2.1",
      averageRating: 4.67,
      ratingCount: 18234,
      currentVersionAverageRating: 4.83,
      currentVersionRatingCount: 312,
      currentVersionReleaseDate: "2026-01-15T08:00:00Z",
      artworkUrl: weather.artworkUrl512,
      trackViewUrl: weather.trackViewUrl,
      malformed: [],
    });
  });

  it("treats missing rating fields as no ratings", () => {
    const { averageUserRating, userRatingCount, averageUserRatingForCurrentVersion, userRatingCountForCurrentVersion, artworkUrl512, ...bare } = weather;
    const [app] = parseLookupResponse({ resultCount: 1, results: [bare] }).apps;
    expect(app).toMatchObject({ averageRating: null, ratingCount: 0, currentVersionAverageRating: null, currentVersionRatingCount: 0, artworkUrl: weather.artworkUrl100 });
  });

  it("treats zero counts as no ratings even with an average present", () => {
    const [app] = parseLookupResponse({ results: [{ ...weather, userRatingCount: 0, averageUserRating: 0, userRatingCountForCurrentVersion: 0 }] }).apps;
    expect(app.averageRating).toBeNull();
    expect(app.ratingCount).toBe(0);
    expect(app.currentVersionAverageRating).toBeNull();
  });

  it("accepts numbers sent as strings and skips unusable rows", () => {
    const { apps, skipped } = parseLookupResponse({
      resultCount: 3,
      results: [{ ...weather, trackId: "1234567890", userRatingCount: "10", averageUserRating: "4.5" }, { wrapperType: "artist", artistId: 1 }, { trackName: "no ids" }],
    });
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({ trackId: 1234567890, ratingCount: 10, averageRating: 4.5, malformed: [] });
    expect(skipped).toBe(2);
  });

  it("marks rating fields Apple sent but that are not numbers as malformed, not as missing", () => {
    const odd = { ...weather, averageUserRating: "N/A", userRatingCount: true, averageUserRatingForCurrentVersion: 7, userRatingCountForCurrentVersion: -3 };
    const [app] = parseLookupResponse({ results: [odd] }).apps;
    expect(app.malformed).toEqual(["averageRating", "ratingCount", "currentVersionAverageRating", "currentVersionRatingCount"]);
    const [onlyAverage] = parseLookupResponse({ results: [{ ...weather, averageUserRating: "N/A" }] }).apps;
    expect(onlyAverage).toMatchObject({ malformed: ["averageRating"], ratingCount: 18234 });
    const [onlyCount] = parseLookupResponse({ results: [{ ...weather, userRatingCount: "N/A" }] }).apps;
    expect(onlyCount).toMatchObject({ malformed: ["ratingCount"], averageRating: 4.67 });
    // Absent or empty is still "no value", not malformed.
    const [blank] = parseLookupResponse({ results: [{ ...weather, averageUserRating: "", userRatingCount: null }] }).apps;
    expect(blank.malformed).toEqual([]);
  });

  it("counts software results whose id cannot be read as unreadable", () => {
    const parsed = parseLookupResponse({ results: [weather, { ...weather, trackId: "12ab" }, { wrapperType: "artist", artistId: 1 }] });
    expect(parsed).toMatchObject({ skipped: 2, unreadable: 1 });
    expect(parsed.apps).toHaveLength(1);
  });

  it("rejects a payload that is not a lookup envelope", () => {
    expect(() => parseLookupResponse({ errorMessage: "Invalid value(s) for key(s): [country]" })).toThrow();
  });
});

describe("roundRating", () => {
  it("rounds half up to 2 decimals and keeps null", () => {
    expect(roundRating(4.675)).toBe(4.68);
    expect(roundRating(5)).toBe(5);
    expect(roundRating(undefined)).toBeNull();
    expect(roundRating(Number.NaN)).toBeNull();
  });
});

describe("classifyLookup", () => {
  const [found] = parseLookupResponse({ results: [weather] }).apps;
  const [none] = parseLookupResponse({ results: [{ ...weather, trackId: 2, bundleId: "com.example.notes", userRatingCount: 0, averageUserRating: undefined }] }).apps;

  it("separates found, no ratings and not sold by id", () => {
    const out = classifyLookup({ ids: [1234567890, "2", 3] }, [found, none]);
    expect(out.get("1234567890")).toEqual({ kind: "found", app: found });
    expect(out.get("2")).toEqual({ kind: "no_ratings", app: none });
    expect(out.get("3")).toEqual({ kind: "not_sold" });
  });

  it("an app in the results is present even when its rating fields cannot be read", () => {
    const [avgNA] = parseLookupResponse({ results: [{ ...weather, averageUserRating: "N/A" }] }).apps;
    const [countNA] = parseLookupResponse({ results: [{ ...weather, userRatingCount: "N/A" }] }).apps;
    const [avgNAnoRatings] = parseLookupResponse({ results: [{ ...weather, averageUserRating: "N/A", userRatingCount: 0 }] }).apps;
    expect(classifyLookup({ ids: [1234567890] }, [avgNA]).get("1234567890")?.kind).toBe("found");
    expect(classifyLookup({ ids: [1234567890] }, [countNA]).get("1234567890")?.kind).toBe("found");
    // A readable count of zero still says "no ratings here".
    expect(classifyLookup({ ids: [1234567890] }, [avgNAnoRatings]).get("1234567890")?.kind).toBe("no_ratings");
  });

  it("an app absent from an answer with an unreadable result is unknown, not gone", () => {
    const out = classifyLookup({ ids: [1234567890, 3] }, [found], 1);
    expect(out.get("1234567890")?.kind).toBe("found");
    expect(out.get("3")).toEqual({ kind: "unreadable" });
  });

  it("matches bundle ids case-insensitively and keys them as requested", () => {
    const out = classifyLookup({ bundleIds: ["COM.example.Weather", "com.example.notes", "com.example.gone"] }, [found, none]);
    expect(out.get("COM.example.Weather")?.kind).toBe("found");
    expect(out.get("com.example.notes")?.kind).toBe("no_ratings");
    expect(out.get("com.example.gone")?.kind).toBe("not_sold");
  });
});

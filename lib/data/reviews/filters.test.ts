import { describe, expect, it } from "vitest";
import { filtersFromSearchParams, filtersToSearchParams, invalidFilterMessages, ratingRange, reviewFiltersSchema } from "./filters";

describe("review filters in the URL", () => {
  it("round-trips every filter", () => {
    const params = new URLSearchParams({ project: "0f6a3d5e-8f6b-4c1e-9a55-0c8f2b4f1a11", rating: "1-3", country: "DE", language: "JA", response: "no", q: '"dark mode" -ads', nickname: "rita" });
    const filters = filtersFromSearchParams(params);
    expect(filters).toEqual({ project: "0f6a3d5e-8f6b-4c1e-9a55-0c8f2b4f1a11", rating: "1-3", country: "de", language: "ja", response: "no", q: '"dark mode" -ads', nickname: "rita" });
    expect(filtersFromSearchParams(filtersToSearchParams(filters))).toEqual(filters);
  });

  it("drops invalid values instead of failing the page", () => {
    expect(filtersFromSearchParams({ project: "not-a-uuid", rating: "7", country: "usa", response: "maybe", q: "  ", store: "play" })).toEqual({});
  });

  it("filters by either store", () => {
    expect(filtersFromSearchParams({ store: "google_play" })).toEqual({ store: "google_play" });
    expect(filtersFromSearchParams({ store: "app_store" })).toEqual({ store: "app_store" });
    expect(filtersFromSearchParams(filtersToSearchParams({ store: "google_play" }))).toEqual({ store: "google_play" });
  });

  it("reads exact ratings and ranges in either order", () => {
    expect(ratingRange("5")).toEqual([5, 5]);
    expect(ratingRange("4-2")).toEqual([2, 4]);
    expect(ratingRange(undefined)).toBeNull();
  });

  it("says why a filter in the address was dropped: NUL, half a character, too many words", () => {
    // As Next hands the page its search params (a URLSearchParams would already have replaced the half character).
    const params = { q: "crash\u0000", nickname: "ann\ud83d", language: "german", country: "de" };
    expect(filtersFromSearchParams(params)).toEqual({ country: "de" });
    expect(invalidFilterMessages(params)).toEqual({
      q: expect.stringContaining("NUL"),
      nickname: expect.stringContaining("unpaired surrogate"),
      language: "Language is a two-letter code such as de or ja.",
    });
    expect(reviewFiltersSchema.safeParse({ q: Array.from({ length: 17 }, () => "crash").join(" ") }).error?.issues[0]?.message).toMatch(/at most 16 words/);
  });

  it("keeps the order and a range of days in the address, and says why a backwards range was dropped", () => {
    const params = new URLSearchParams({ sort: "lowest", from: "2026-11-01", to: "2026-11-30" });
    const filters = filtersFromSearchParams(params);
    expect(filters).toEqual({ sort: "lowest", from: "2026-11-01", to: "2026-11-30" });
    expect(filtersFromSearchParams(filtersToSearchParams(filters))).toEqual(filters);
    const backwards = { from: "2026-11-30", to: "2026-11-01", sort: "best", country: "de" };
    expect(filtersFromSearchParams(backwards)).toEqual({ from: "2026-11-30", country: "de" });
    expect(invalidFilterMessages(backwards)).toEqual({ to: "The range ends (2026-11-01) before it starts (2026-11-30).", sort: "Sort is newest, oldest, lowest or highest." });
    expect(invalidFilterMessages({ from: "2026-02-29", to: "yesterday" })).toEqual({ from: "From is not a day of the calendar.", to: "To is a date such as 2026-11-30." });
  });
});

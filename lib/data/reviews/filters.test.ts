import { describe, expect, it } from "vitest";
import { filtersFromSearchParams, filtersToSearchParams, ratingRange } from "./filters";

describe("review filters in the URL", () => {
  it("round-trips every filter", () => {
    const params = new URLSearchParams({ project: "0f6a3d5e-8f6b-4c1e-9a55-0c8f2b4f1a11", rating: "1-3", country: "DE", response: "no", q: '"dark mode" -ads', nickname: "rita" });
    const filters = filtersFromSearchParams(params);
    expect(filters).toEqual({ project: "0f6a3d5e-8f6b-4c1e-9a55-0c8f2b4f1a11", rating: "1-3", country: "de", response: "no", q: '"dark mode" -ads', nickname: "rita" });
    expect(filtersFromSearchParams(filtersToSearchParams(filters))).toEqual(filters);
  });

  it("drops invalid values instead of failing the page", () => {
    expect(filtersFromSearchParams({ project: "not-a-uuid", rating: "7", country: "usa", response: "maybe", q: "  ", store: "play" })).toEqual({});
  });

  it("reads exact ratings and ranges in either order", () => {
    expect(ratingRange("5")).toEqual([5, 5]);
    expect(ratingRange("4-2")).toEqual([2, 4]);
    expect(ratingRange(undefined)).toBeNull();
  });
});

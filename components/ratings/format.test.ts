import { describe, expect, it } from "vitest";
import { byRatingsThenName, flagEmoji, formatAverage, formatCompactCount, formatCount, formatDay, formatDelta } from "./format";

describe("ratings formatting", () => {
  it("shows counts with separators, compact where space is short", () => {
    expect(formatCount(1234)).toBe("1,234");
    expect(formatCompactCount(18234)).toBe("18.2K");
  });
  it("signs deltas and keeps averages at two decimals", () => {
    expect([formatDelta(8), formatDelta(-1200), formatDelta(0)]).toEqual(["+8", "−1,200", "±0"]);
    expect(formatAverage(4.6)).toBe("4.60");
    expect(formatAverage(null)).toBe("–");
  });
  it("writes snapshot days in UTC", () => {
    expect(formatDay("2026-11-20")).toBe("Nov 20");
    expect(formatDay("2026-01-02", true)).toBe("Jan 2, 2026");
  });
  it("turns a country code into its flag", () => {
    expect(flagEmoji("us")).toBe("🇺🇸");
    expect(flagEmoji("GB")).toBe("🇬🇧");
    expect(flagEmoji("x")).toBe("🏳️");
  });
  it("lists the biggest markets first, then countries with as many ratings by name", () => {
    const rows = [
      { countryCode: "am", ratingCount: 120 },
      { countryCode: "ae", ratingCount: 120 },
      { countryCode: "de", ratingCount: 2890 },
      { countryCode: "af", ratingCount: 120 },
      { countryCode: "us", ratingCount: 18234 },
      { countryCode: "al", ratingCount: 120 },
    ];
    expect(byRatingsThenName(rows).map((r) => r.countryCode)).toEqual(["us", "de", "af", "al", "am", "ae"]);
  });
  it("puts a country without a published count after every counted one, never as if it had 0", () => {
    const rows = [
      { countryCode: "de", ratingCount: null },
      { countryCode: "us", ratingCount: 0 },
      { countryCode: "at", ratingCount: null },
    ];
    expect(byRatingsThenName(rows).map((r) => r.countryCode)).toEqual(["us", "at", "de"]);
  });
});

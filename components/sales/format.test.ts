import { describe, expect, it } from "vitest";
import { formatChange, formatMoney, formatRange, formatUnits, rangeFromParams } from "./format";

const params = (query: string) => new URLSearchParams(query);

describe("sales formatting", () => {
  it("shows exact decimals as figures and money in its currency", () => {
    expect(formatUnits("12345")).toBe("12,345");
    expect(formatMoney("1234.5", "EUR")).toBe("€1,234.50");
    expect(formatMoney("-3.2", "USD")).toBe("-$3.20");
  });

  it("writes a change as a signed percentage, and no comparison as a dash", () => {
    expect([formatChange(0.1234), formatChange(-0.04), formatChange(0), formatChange(null)]).toEqual(["+12.3 %", "−4.0 %", "±0 %", "—"]);
  });

  it("names a range with its year once", () => {
    expect(formatRange("2026-03-01", "2026-03-30")).toBe("Mar 1 – Mar 30, 2026");
    expect(formatRange("2025-12-01", "2026-01-30")).toBe("Dec 1, 2025 – Jan 30, 2026");
  });
});

describe("the range in the URL", () => {
  it("is a preset up to the newest published day, 30 days unless 90 or 365 is asked", () => {
    expect(rangeFromParams(params(""), "2026-03-30")).toEqual({ kind: "preset", days: 30, from: "2026-03-01", to: "2026-03-30" });
    expect(rangeFromParams(params("range=90"), "2026-03-30")).toMatchObject({ days: 90, from: "2025-12-31" });
    expect(rangeFromParams(params("range=7"), "2026-03-30")).toMatchObject({ kind: "preset", days: 30 });
  });

  it("is custom with both ends in order, else falls back to the preset", () => {
    expect(rangeFromParams(params("from=2026-01-05&to=2026-02-10"), "2026-03-30")).toEqual({ kind: "custom", from: "2026-01-05", to: "2026-02-10" });
    expect(rangeFromParams(params("from=2026-02-10&to=2026-01-05"), "2026-03-30")).toMatchObject({ kind: "preset" });
    expect(rangeFromParams(params("from=yesterday&to=2026-01-05"), "2026-03-30")).toMatchObject({ kind: "preset" });
  });
});

import { describe, expect, it } from "vitest";
import { formatRelative } from "./format-relative";

describe("formatRelative", () => {
  it("says how long ago a sync was", () => {
    const now = Date.parse("2026-11-21T12:00:00Z");
    expect(formatRelative("2026-11-21T11:59:30Z", now)).toBe("just now");
    expect(formatRelative("2026-11-21T11:15:00Z", now)).toBe("45 min ago");
    expect(formatRelative("2026-11-21T09:00:00Z", now)).toBe("3 h ago");
    expect(formatRelative("2026-11-20T10:00:00Z", now)).toBe("yesterday");
  });
});

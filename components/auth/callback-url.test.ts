import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/validation";
import { inviteFromCallback } from "./callback-url";

describe("safeCallbackPath", () => {
  it("keeps paths on this site", () => {
    expect(safeCallbackPath("/dashboard")).toBe("/dashboard");
    expect(safeCallbackPath("/invite/abc?x=1")).toBe("/invite/abc?x=1");
  });
  it("refuses other origins and empty values", () => {
    expect(safeCallbackPath(undefined)).toBeUndefined();
    expect(safeCallbackPath("")).toBeUndefined();
    expect(safeCallbackPath("https://evil.example/")).toBeUndefined();
    expect(safeCallbackPath("//evil.example/")).toBeUndefined();
    expect(safeCallbackPath("/\\evil.example/")).toBeUndefined();
  });
});

describe("inviteFromCallback", () => {
  it("reads the token of an invite link", () => {
    expect(inviteFromCallback("/invite/AbC-_12")).toBe("AbC-_12");
    expect(inviteFromCallback("/invite/AbC-_12/")).toBe("AbC-_12");
  });
  it("ignores other paths", () => {
    expect(inviteFromCallback(undefined)).toBeUndefined();
    expect(inviteFromCallback("/dashboard")).toBeUndefined();
    expect(inviteFromCallback("/invite/")).toBeUndefined();
    expect(inviteFromCallback("/invite/a/b")).toBeUndefined();
  });
});

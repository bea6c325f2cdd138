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
  it.each([
    ["a tab (browsers drop it and read //evil.example)", "/\t/evil.example/"],
    ["a newline", "/\n/evil.example/"],
    ["a carriage return and header", "/\r\nSet-Cookie: x=1"],
    ["a NUL", "/dash\u0000board"],
    ["DEL", "/dash\u007fboard"],
    ["a percent-encoded tab", "/%09/evil.example/"],
    ["a percent-encoded newline", "/a%0Ab"],
    ["a doubly encoded tab", "/%2509/evil.example/"],
    ["an encoded slash that decodes to //", "/%2F/evil.example/"],
    ["an encoded backslash", "/%5Cevil.example/"],
    ["a scheme-relative URL after a leading space", " //evil.example/"],
    ["another scheme", "javascript:alert(1)"],
  ])("refuses %s", (_label, url) => {
    expect(safeCallbackPath(url, "http://127.0.0.1:3000")).toBeUndefined();
  });
  it("keeps an absolute URL on the app's own origin as its path, and refuses another port", () => {
    expect(safeCallbackPath("http://127.0.0.1:3000/dashboard/team?x=1#top", "http://127.0.0.1:3000")).toBe("/dashboard/team?x=1#top");
    expect(safeCallbackPath("http://127.0.0.1:3001/dashboard", "http://127.0.0.1:3000")).toBeUndefined();
  });
  it("keeps a search with an encoded percent sign (proxy.ts encodes the whole path and search)", () => {
    expect(safeCallbackPath("/dashboard/reviews?q=100%25", "https://starboard.example")).toBe("/dashboard/reviews?q=100%25");
  });
  it("returns the path as URL parsing reads it", () => {
    expect(safeCallbackPath("/dashboard/../dashboard/team", "https://starboard.example")).toBe("/dashboard/team");
    expect(safeCallbackPath("/invite/abc", "https://starboard.example")).toBe("/invite/abc");
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

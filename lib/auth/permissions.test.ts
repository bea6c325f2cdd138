import { describe, expect, it } from "vitest";
import { PERMISSIONS, permissionsForRole } from "./permissions";

describe("role permissions", () => {
  it("gives owners and admins every permission", () => {
    for (const role of ["owner", "admin"] as const) {
      expect([...permissionsForRole(role, { membersMayPublishReplies: false })].sort()).toEqual([...PERMISSIONS].sort());
    }
  });

  it("lets members read but not write, manage integrations, projects or the team", () => {
    const member = permissionsForRole("member", { membersMayPublishReplies: false });
    expect(member.has("reviews:read")).toBe(true);
    expect(member.has("sales:read")).toBe(true);
    expect(member.has("integrations:read")).toBe(true);
    for (const p of ["reviews:write", "integrations:write", "projects:write", "team:admin"] as const) expect(member.has(p)).toBe(false);
  });

  it("adds reviews:write for members only when the team allows it", () => {
    const member = permissionsForRole("member", { membersMayPublishReplies: true });
    expect(member.has("reviews:write")).toBe(true);
    expect(member.has("integrations:write")).toBe(false);
  });
});

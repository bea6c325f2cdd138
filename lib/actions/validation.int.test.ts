// Bad input gets a field-level error and stores nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOwner, tenantSnapshot } from "@/test/fixtures";
import type { Caller } from "@/lib/auth/access";
import { actionResult } from "@/lib/operations/adapters/server-action";
import * as agentKeyOps from "@/lib/operations/agent-keys";
import * as appOps from "@/lib/operations/apps";
import * as notificationOps from "@/lib/operations/notifications";
import * as projectOps from "@/lib/operations/projects";
import * as teamOps from "@/lib/operations/teams";

let owner: Awaited<ReturnType<typeof createOwner>>;
let caller: Caller;

beforeAll(async () => {
  owner = await createOwner("validator");
  caller = owner.caller;
  const ok = await actionResult(appOps.createApp, caller, { projectId: owner.projectId, name: "Weather", platform: "apple", bundleId: "com.example.weather" });
  expect(ok.ok).toBe(true);
});

const app = (overrides: Record<string, unknown>) => ({ projectId: owner.projectId, name: "Valid", platform: "apple", bundleId: "com.example.valid", ...overrides });

describe("adding an app", () => {
  it.each([
    ["a bundle id with spaces", { bundleId: "com example app" }, "bundleId", /reverse-DNS/],
    ["a bundle id without a dot", { bundleId: "weather" }, "bundleId", /reverse-DNS/],
    ["a bundle id over 155 characters", { bundleId: `com.${"a".repeat(160)}` }, "bundleId", /at most 155/],
    ["an empty name", { name: "   " }, "name", /required/],
    ["a 10 kB name", { name: "x".repeat(10_240) }, "name", /at most 100/],
    ["a non-numeric App Store id", { appStoreId: "id123" }, "appStoreId", /digits only/],
    ["an unknown platform", { platform: "windows" }, "platform", /Apple or Android/],
  ])("refuses %s with a field error and stores nothing", async (_label, overrides, field, message) => {
    const before = await tenantSnapshot(owner.teamId);
    const result = await actionResult(appOps.createApp, caller, app(overrides) as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("validation_failed");
    expect(result.error.fieldErrors?.[field]).toMatch(message);
    expect(await tenantSnapshot(owner.teamId)).toBe(before);
  });

  it("refuses a duplicate bundle id in the same project with a field error", async () => {
    const before = await tenantSnapshot(owner.teamId);
    const result = await actionResult(appOps.createApp, caller, app({ bundleId: "com.example.weather" }) as never);
    expect(result).toMatchObject({ ok: false, error: { code: "conflict", fieldErrors: { bundleId: expect.stringMatching(/already has an app/) } } });
    expect(await tenantSnapshot(owner.teamId)).toBe(before);
  });

  it("allows the same bundle id in another project", async () => {
    const other = await actionResult(projectOps.createProject, caller, { teamId: owner.teamId, name: "Other" });
    expect(other.ok).toBe(true);
    if (!other.ok) return;
    const result = await actionResult(appOps.createApp, caller, { ...app({ bundleId: "com.example.weather" }), projectId: other.data.id } as never);
    expect(result.ok).toBe(true);
  });

  it("refuses renaming an app onto another app's bundle id", async () => {
    const second = await actionResult(appOps.createApp, caller, app({ bundleId: "com.example.second" }) as never);
    if (!second.ok) throw new Error("setup failed");
    const before = await tenantSnapshot(owner.teamId);
    const result = await actionResult(appOps.updateApp, caller, { appId: second.data.id, name: "Second", platform: "apple", bundleId: "com.example.weather" } as never);
    expect(result).toMatchObject({ ok: false, error: { fieldErrors: { bundleId: expect.any(String) } } });
    expect(await tenantSnapshot(owner.teamId)).toBe(before);
  });
});

describe("names of projects and teams", () => {
  it.each([
    ["empty", ""],
    ["10 kB", "n".repeat(10_240)],
  ])("refuses an %s project name", async (_label, name) => {
    const before = await tenantSnapshot(owner.teamId);
    const created = await actionResult(projectOps.createProject, caller, { teamId: owner.teamId, name });
    const renamed = await actionResult(projectOps.renameProject, caller, { projectId: owner.projectId, name });
    const team = await actionResult(teamOps.updateTeamSettings, caller, { teamId: owner.teamId, name });
    for (const result of [created, renamed, team]) {
      expect(result).toMatchObject({ ok: false, error: { code: "validation_failed", fieldErrors: { name: expect.any(String) } } });
    }
    expect(await tenantSnapshot(owner.teamId)).toBe(before);
  });

  it("refuses an empty new team name and creates no team", async () => {
    const teamsBefore = await db.team.count();
    const result = await actionResult(teamOps.createTeam, owner.caller, { name: " " });
    expect(result).toMatchObject({ ok: false, error: { fieldErrors: { name: "Team name is required." } } });
    expect(await db.team.count()).toBe(teamsBefore);
  });
});

describe("characters PostgreSQL cannot store", () => {
  // A NUL byte makes PostgreSQL refuse the row (a 500); half an emoji is not valid UTF-8 at all.
  it.each([
    ["a NUL byte", "Ops\u0000team"],
    ["half an emoji", `Ops ${"🙂".slice(0, 1)}`],
  ])("refuses %s in any name with a field error that says what to fix", async (_label, name) => {
    const before = await tenantSnapshot(owner.teamId);
    const teamsBefore = await db.team.count();
    const results = [
      await actionResult(projectOps.createProject, caller, { teamId: owner.teamId, name }),
      await actionResult(projectOps.renameProject, caller, { projectId: owner.projectId, name }),
      await actionResult(teamOps.updateTeamSettings, caller, { teamId: owner.teamId, name }),
      await actionResult(teamOps.createTeam, owner.caller, { name }),
      await actionResult(appOps.createApp, caller, app({ name, bundleId: "com.example.nul" }) as never),
      await actionResult(agentKeyOps.createAgentKey, caller, { teamId: owner.teamId, name, projectId: null, permissions: ["reviews:read"] }),
      await actionResult(notificationOps.createNotificationEndpoint, caller, { projectId: owner.projectId, kind: "webhook", name, url: "http://127.0.0.1:9/hook", eventTypes: ["app.review_new"] }),
    ];
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, error: { code: "validation_failed", fieldErrors: { name: expect.stringMatching(/character/) } } });
    }
    expect(await tenantSnapshot(owner.teamId)).toBe(before);
    expect(await db.team.count()).toBe(teamsBefore);
  });
});

describe("invite tokens", () => {
  it.each([["short", "abc"], ["bad characters", "!".repeat(43)], ["too long", "a".repeat(80)]])(
    "refuses a malformed token (%s) with a field error",
    async (_label, token) => {
      const membersBefore = await db.teamMember.count();
      const result = await actionResult(teamOps.acceptInvite, owner.caller, { token });
      expect(result).toMatchObject({ ok: false, error: { code: "validation_failed", fieldErrors: { token: expect.stringMatching(/malformed/) } } });
      expect(await db.teamMember.count()).toBe(membersBefore);
    },
  );
});

describe("switching team", () => {
  it("refuses a team id that is not an id before anything is set", async () => {
    const { switchTeam } = await import("./teams");
    await expect(switchTeam({ teamId: "../../etc" })).rejects.toThrow(/Not a valid id/);
  });
});

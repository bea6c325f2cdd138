import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addMember, createOwner } from "@/test/fixtures";
import { resolveAccess } from "@/lib/auth/access";
import { actionResult } from "@/lib/operations/adapters/server-action";
import * as teamOps from "@/lib/operations/teams";

const tokenOf = (path: string) => path.split("/").pop()!;

describe("invites", () => {
  it("joins the team with the invited role, once", async () => {
    const owner = await createOwner("inviter");
    const invited = await createOwner("invitee");
    const created = await actionResult(teamOps.createInvite, owner.caller, { teamId: owner.teamId, role: "admin" });
    if (!created.ok) throw new Error(created.error.message);
    const token = tokenOf(created.data.path);
    expect(await db.teamInvite.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored

    const accepted = await actionResult(teamOps.acceptInvite, invited.caller, { token });
    expect(accepted).toMatchObject({ ok: true, data: { teamId: owner.teamId } });
    const membership = await db.teamMember.findUnique({ where: { teamId_userId: { teamId: owner.teamId, userId: invited.userId } } });
    expect(membership?.role).toBe("admin");

    const third = await createOwner("latecomer");
    const reused = await actionResult(teamOps.acceptInvite, third.caller, { token });
    expect(reused).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringMatching(/already used/) } });
    expect(await db.teamMember.count({ where: { teamId: owner.teamId, userId: third.userId } })).toBe(0);
  });

  it("refuses an expired or unknown invite", async () => {
    const owner = await createOwner("expiring");
    const joiner = await createOwner("joiner");
    const created = await actionResult(teamOps.createInvite, owner.caller, { teamId: owner.teamId, role: "member" });
    if (!created.ok) throw new Error(created.error.message);
    await db.teamInvite.update({ where: { id: created.data.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const result = await actionResult(teamOps.acceptInvite, joiner.caller, { token: tokenOf(created.data.path) });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/expired/) } });

    const unknown = await actionResult(teamOps.acceptInvite, joiner.caller, { token: "A".repeat(43) });
    expect(unknown).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("lets only owners invite owners", async () => {
    const owner = await createOwner("team-o");
    const admin = await addMember(owner.teamId, "admin");
    const result = await actionResult(teamOps.createInvite, admin.caller, { teamId: owner.teamId, role: "owner" });
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });
});

describe("roles and the last owner", () => {
  it("never leaves a team without an owner", async () => {
    const owner = await createOwner("sole");
    const demote = await actionResult(teamOps.changeMemberRole, owner.caller, { teamId: owner.teamId, userId: owner.userId, role: "admin" });
    expect(demote).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringMatching(/at least one owner/) } });
    const leave = await actionResult(teamOps.leaveTeam, owner.caller, { teamId: owner.teamId });
    expect(leave).toMatchObject({ ok: false, error: { message: expect.stringMatching(/last owner/) } });
    const remove = await actionResult(teamOps.removeMember, owner.caller, { teamId: owner.teamId, userId: owner.userId });
    expect(remove).toMatchObject({ ok: false, error: { message: expect.stringMatching(/last owner/) } });
    expect(await db.teamMember.findUnique({ where: { teamId_userId: { teamId: owner.teamId, userId: owner.userId } } })).toMatchObject({ role: "owner" });
  });

  it("lets an owner hand over and then leave", async () => {
    const owner = await createOwner("handover");
    const next = await addMember(owner.teamId, "admin");
    expect((await actionResult(teamOps.changeMemberRole, owner.caller, { teamId: owner.teamId, userId: next.userId, role: "owner" })).ok).toBe(true);
    expect((await actionResult(teamOps.leaveTeam, owner.caller, { teamId: owner.teamId })).ok).toBe(true);
    expect(await db.teamMember.count({ where: { teamId: owner.teamId } })).toBe(1);
  });

  it("stops admins from demoting or removing owners", async () => {
    const owner = await createOwner("guarded");
    const admin = await addMember(owner.teamId, "admin");
    expect(await actionResult(teamOps.changeMemberRole, admin.caller, { teamId: owner.teamId, userId: owner.userId, role: "member" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await actionResult(teamOps.removeMember, admin.caller, { teamId: owner.teamId, userId: owner.userId })).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });
});

describe("the 'members may publish replies' setting", () => {
  it("is off by default and grants reviews:write to members only when on", async () => {
    const owner = await createOwner("replies");
    const member = await addMember(owner.teamId, "member");
    const before = await resolveAccess(member.caller, { teamId: owner.teamId }, null);
    expect(before.permissions.has("reviews:write")).toBe(false);
    expect((await actionResult(teamOps.updateTeamSettings, owner.caller, { teamId: owner.teamId, membersMayPublishReplies: true })).ok).toBe(true);
    const after = await resolveAccess(member.caller, { teamId: owner.teamId }, null);
    expect(after.permissions.has("reviews:write")).toBe(true);
    expect(after.permissions.has("projects:write")).toBe(false);
  });
});

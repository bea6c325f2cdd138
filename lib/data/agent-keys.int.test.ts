// Agent keys through the dashboard's actions: shown once, stored hashed, default read-only, scoped, revocable.
import { beforeEach, describe, expect, it } from "vitest";
import { callerForAgentKey, hashAgentKey } from "@/lib/auth/agent-keys";
import { db } from "@/lib/db";
import { createOwner } from "@/test/fixtures";
import { actionResult } from "@/lib/operations/adapters/server-action";
import * as agentKeyOps from "@/lib/operations/agent-keys";

let owner: Awaited<ReturnType<typeof createOwner>>;
beforeEach(async () => {
  owner = await createOwner("keys");
});

const create = (input: Record<string, unknown>) => actionResult(agentKeyOps.createAgentKey, owner.caller, { teamId: owner.teamId, name: "CI bot", ...input } as never);

describe("agent keys", () => {
  it("creates a key shown once, stores only its hash, and defaults to reviews:read", async () => {
    const result = await create({ projectId: "" });
    if (!result.ok) throw new Error(result.error.message);
    const { key, agentKey } = result.data;
    expect(key).toMatch(/^sb_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(agentKey).toMatchObject({ name: "CI bot", projectId: null, permissions: ["reviews:read"], prefix: key.slice(0, 11), lastUsedAt: null, revokedAt: null });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: agentKey.id } });
    expect(row.keyHash).toBe(hashAgentKey(key));
    expect(JSON.stringify(row)).not.toContain(key.slice(12));
    const listed = await actionResult(agentKeyOps.listAgentKeys, owner.caller, { teamId: owner.teamId });
    expect(JSON.stringify(listed)).not.toContain(key.slice(12));
    expect(await db.auditLog.count({ where: { teamId: owner.teamId, action: "agent_key.created", targetId: agentKey.id } })).toBe(1);
  });

  it("grants exactly the chosen permissions, scoped to one project", async () => {
    const result = await create({ projectId: owner.projectId, permissions: ["reviews:read", "reviews:write"] });
    if (!result.ok) throw new Error(result.error.message);
    const caller = await callerForAgentKey(result.data.key);
    expect(caller).toMatchObject({ kind: "apiKey", teamId: owner.teamId, projectId: owner.projectId, permissions: ["reviews:read", "reviews:write"] });
    expect(result.data.agentKey.projectName).toBeTruthy();
  });

  it("grants sales:read only when it is chosen: the default key cannot read downloads and proceeds", async () => {
    const plain = await create({});
    const sales = await create({ permissions: ["reviews:read", "sales:read"] });
    if (!plain.ok || !sales.ok) throw new Error("not created");
    expect(await callerForAgentKey(plain.data.key)).toMatchObject({ kind: "apiKey", permissions: ["reviews:read"] });
    expect(await callerForAgentKey(sales.data.key)).toMatchObject({ permissions: ["reviews:read", "sales:read"] });
  });

  it("refuses team administration, unknown permissions, an empty list and another team's project", async () => {
    expect(await create({ permissions: ["team:admin"] })).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect(await create({ permissions: ["reviews:delete"] })).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect(await create({ permissions: [] })).toMatchObject({ ok: false, error: { code: "validation_failed", fieldErrors: { permissions: expect.any(String) } } });
    const stranger = await createOwner("stranger");
    expect(await create({ projectId: stranger.projectId })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await db.apiKey.count({ where: { teamId: owner.teamId } })).toBe(0);
  });

  it("revoking stops the key at once and keeps it listed as revoked", async () => {
    const created = await create({});
    if (!created.ok) throw new Error(created.error.message);
    expect(await callerForAgentKey(created.data.key)).not.toBeNull();
    expect(await actionResult(agentKeyOps.revokeAgentKey, owner.caller, { teamId: owner.teamId, keyId: created.data.agentKey.id })).toEqual({ ok: true, data: { revoked: true } });
    expect(await callerForAgentKey(created.data.key)).toBeNull();
    const again = await actionResult(agentKeyOps.revokeAgentKey, owner.caller, { teamId: owner.teamId, keyId: created.data.agentKey.id });
    expect(again).toMatchObject({ ok: false, error: { code: "not_found" } });
    const listed = await actionResult(agentKeyOps.listAgentKeys, owner.caller, { teamId: owner.teamId });
    expect(listed).toMatchObject({ ok: true, data: [{ id: created.data.agentKey.id, revokedAt: expect.any(String) }] });
  });

  it("another team's admin cannot revoke this team's key", async () => {
    const created = await create({});
    if (!created.ok) throw new Error(created.error.message);
    const stranger = await createOwner("stranger");
    const res = await actionResult(agentKeyOps.revokeAgentKey, stranger.caller, { teamId: stranger.teamId, keyId: created.data.agentKey.id });
    expect(res).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await callerForAgentKey(created.data.key)).not.toBeNull();
  });
});

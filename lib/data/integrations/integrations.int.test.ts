import { aroundAll, afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { generateTestKeyPair, type RunningAppleSim } from "@/tools/apple-sim";
import { settleBackgroundWork } from "@/lib/jobs/dispatch";
import type { Caller } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { createReviewsWorld, INDIVIDUAL_KEY, ISSUER, reviewsScenario, startReviewsSim, TEAM_KEY, type ReviewsWorld } from "@/test/reviews-world";
import { addMember, createApp, createOwner } from "@/test/fixtures";
import { actionResult } from "@/lib/operations/adapters/server-action";
import * as integrationOps from "@/lib/operations/integrations";
import { withConfig } from "@/lib/env";
import { ascSimConfig } from "@/test/config";

let apple: RunningAppleSim;
let w: ReviewsWorld;
const owner = () => w.ownerCaller as Caller;
/** The base64 body of a PEM: what must never leave the server. */
const secretLines = (pem: string) => pem.split("\n").filter((l) => l && !l.startsWith("-----"));

aroundAll(async (runSuite) => {
  apple = await startReviewsSim(reviewsScenario({ reviews: { "1001": [{ id: "r-1", territory: "USA", rating: 4, body: "Fine", createdDate: "2026-02-01T00:00:00Z" }] } }));
  await withConfig(ascSimConfig(apple), runSuite);
});
afterAll(() => apple.stop());
beforeEach(async () => {
  apple.sim.reset();
  w = await createReviewsWorld({ integration: false });
});

const teamInput = () => ({ projectId: w.projectId, keyType: "team", issuerId: ISSUER, keyId: "TEAMKEY001", privateKey: TEAM_KEY.privateKeyPem });

describe("set up", () => {
  it("validates the .p8 before saving, with a message that says what is wrong", async () => {
    const cert = await actionResult(integrationOps.saveIntegration, owner(), { ...teamInput(), privateKey: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----" } as never);
    expect(cert).toMatchObject({ ok: false, error: { code: "validation_failed", fieldErrors: { privateKey: expect.stringContaining("certificate") } } });
    const noIssuer = await actionResult(integrationOps.saveIntegration, owner(), { ...teamInput(), issuerId: "" } as never);
    expect(noIssuer).toMatchObject({ ok: false, error: { fieldErrors: { issuerId: expect.stringContaining("Issuer ID") } } });
    const badKeyId = await actionResult(integrationOps.saveIntegration, owner(), { ...teamInput(), keyId: "short" } as never);
    expect(badKeyId).toMatchObject({ ok: false, error: { fieldErrors: { keyId: expect.stringContaining("AuthKey_") } } });
    expect(await db.integration.count({ where: { projectId: w.projectId } })).toBe(0);
  });

  it("stores the key encrypted and answers only key id, type and dates", async () => {
    const saved = await actionResult(integrationOps.saveIntegration, owner(), teamInput() as never);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(Object.keys(saved.data).sort()).toEqual(["addedAt", "enabled", "id", "issuerId", "keyId", "keyType", "lastSync", "lastTest", "projectId", "updatedAt", "vendorNumber"]);
    const row = await db.integration.findFirstOrThrow({ where: { projectId: w.projectId } });
    for (const line of secretLines(TEAM_KEY.privateKeyPem)) expect(row.privateKeyCiphertext).not.toContain(line);
    expect(await db.auditLog.findFirst({ where: { teamId: w.teamId, action: "integration.created" } })).not.toBeNull();
  });

  it("individual keys need no issuer id and ignore one", async () => {
    const saved = await actionResult(integrationOps.saveIntegration, owner(), { projectId: w.projectId, keyType: "individual", issuerId: ISSUER, keyId: "INDIVKEY01", privateKey: INDIVIDUAL_KEY.privateKeyPem } as never);
    expect(saved.ok && saved.data).toMatchObject({ keyType: "individual", issuerId: null });
    const tested = await actionResult(integrationOps.testConnection, owner(), { projectId: w.projectId });
    expect(tested.ok && tested.data.ok).toBe(true);
  });
});

describe("test connection", () => {
  it("lists the key's apps, marks the project's covered apps and fills their App Store id", async () => {
    const extra = await createApp(w.teamId, w.projectId, { name: "Unknown", bundleId: "com.example.elsewhere" });
    await db.app.update({ where: { id: w.notesId }, data: { appleAppStoreId: null } });
    await actionResult(integrationOps.saveIntegration, owner(), teamInput() as never);
    const result = await actionResult(integrationOps.testConnection, owner(), { projectId: w.projectId });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.apps.map((a) => a.bundleId)).toEqual(["com.example.weather", "com.example.notes"]);
    expect(result.data.coverage).toEqual([
      { appId: w.weatherId, name: "Weather", bundleId: "com.example.weather", covered: true, appStoreId: "1001" },
      { appId: w.notesId, name: "Notes", bundleId: "com.example.notes", covered: true, appStoreId: "1002" },
      { appId: extra.id, name: "Unknown", bundleId: "com.example.elsewhere", covered: false, appStoreId: null },
    ]);
    expect((await db.app.findUniqueOrThrow({ where: { id: w.notesId } })).appleAppStoreId).toBe(1002n);
  });

  it.each([
    ["401", "NOT_AUTHORIZED", "issuer ID"],
    ["403", "FORBIDDEN_ERROR", "Customer Support"],
    ["agreement", "FORBIDDEN.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED", "Account Holder"],
  ] as const)("on %s shows Apple's code, detail and what to do", async (kind, code, hint) => {
    await actionResult(integrationOps.saveIntegration, owner(), teamInput() as never);
    apple.sim.addFault({ endpoint: "asc.apps", kind, count: 5 });
    const result = await actionResult(integrationOps.testConnection, owner(), { projectId: w.projectId });
    expect(result.ok && result.data).toMatchObject({ ok: false, error: { code, detail: expect.any(String), hint: expect.stringContaining(hint) } });
    const status = await actionResult(integrationOps.getIntegrationStatus, owner(), { projectId: w.projectId });
    expect(status.ok && status.data.integration?.lastTest).toMatchObject({ ok: false, error: { code } });
    apple.sim.clearFaults();
  });

  it("a key Apple does not know is a 401 result, not a crash", async () => {
    await actionResult(integrationOps.saveIntegration, owner(), { ...teamInput(), privateKey: generateTestKeyPair().privateKeyPem } as never);
    const result = await actionResult(integrationOps.testConnection, owner(), { projectId: w.projectId });
    expect(result.ok && result.data.error).toMatchObject({ status: 401, code: "NOT_AUTHORIZED" });
  });
});

describe("copy, disable, remove", () => {
  it("copies another project's key in the same team and runs a test", async () => {
    await actionResult(integrationOps.saveIntegration, owner(), teamInput() as never);
    const second = await db.project.create({ data: { teamId: w.teamId, name: "Second" } });
    await createApp(w.teamId, second.id, { bundleId: "com.example.weather" });
    const copied = await actionResult(integrationOps.copyIntegration, owner(), { projectId: second.id, sourceProjectId: w.projectId });
    expect(copied.ok && copied.data).toMatchObject({ integration: { keyId: "TEAMKEY001", keyType: "team" }, test: { ok: true, coverage: [{ covered: true, appStoreId: "1001" }] } });
    expect(await db.auditLog.findFirst({ where: { projectId: second.id, action: "integration.copied" } })).not.toBeNull();
  });

  it("cannot copy from another team's project", async () => {
    await actionResult(integrationOps.saveIntegration, owner(), teamInput() as never);
    const other = await createOwner("other");
    const result = await actionResult(integrationOps.copyIntegration, other.caller, { projectId: other.projectId, sourceProjectId: w.projectId });
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await db.integration.count({ where: { projectId: other.projectId } })).toBe(0);
  });

  it("disable stops syncs; remove needs the typed confirmation; each change is audited", async () => {
    await actionResult(integrationOps.saveIntegration, owner(), teamInput() as never);
    expect(await actionResult(integrationOps.setIntegrationEnabled, owner(), { projectId: w.projectId, enabled: false })).toMatchObject({ ok: true, data: { enabled: false } });
    expect(await actionResult(integrationOps.requestReviewsSync, owner(), { projectId: w.projectId })).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await actionResult(integrationOps.removeIntegration, owner(), { projectId: w.projectId, confirm: "yes" } as never)).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect(await actionResult(integrationOps.removeIntegration, owner(), { projectId: w.projectId, confirm: "remove" })).toMatchObject({ ok: true });
    expect(await db.integration.count({ where: { projectId: w.projectId } })).toBe(0);
    const actions = (await db.auditLog.findMany({ where: { teamId: w.teamId, action: { startsWith: "integration." } }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["integration.created", "integration.disabled", "integration.removed"]);
  });

  it("Sync reviews runs in-process without Inngest and is shown on the status", async () => {
    await actionResult(integrationOps.saveIntegration, owner(), teamInput() as never);
    const requested = await actionResult(integrationOps.requestReviewsSync, owner(), { projectId: w.projectId });
    expect(requested.ok && requested.data.alreadyRunning).toBe(false);
    const again = await actionResult(integrationOps.requestReviewsSync, owner(), { projectId: w.projectId });
    expect(again.ok && again.data.alreadyRunning).toBe(true);
    await settleBackgroundWork();
    const status = await actionResult(integrationOps.getIntegrationStatus, owner(), { projectId: w.projectId });
    expect(status.ok && status.data.latestRun).toMatchObject({ status: "succeeded", counters: { inserted: 1 } });
    expect(status.ok && status.data.integration?.lastSync).toMatchObject({ status: "succeeded" });
  });

  it("members see the status but cannot change anything", async () => {
    await actionResult(integrationOps.saveIntegration, owner(), teamInput() as never);
    const member = (await addMember(w.teamId, "member")).caller;
    expect((await actionResult(integrationOps.getIntegrationStatus, member, { projectId: w.projectId })).ok).toBe(true);
    expect(await actionResult(integrationOps.testConnection, member, { projectId: w.projectId })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(apple.sim.counters.total).toBe(0);
  });
});

describe("the private key never leaves the server", () => {
  it("appears in no action response, audit entry, run record, error or log line", async () => {
    const logged: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "))),
    );
    try {
      const responses: unknown[] = [];
      responses.push(await actionResult(integrationOps.saveIntegration, owner(), teamInput() as never));
      responses.push(await actionResult(integrationOps.saveIntegration, owner(), { ...teamInput(), privateKey: `${TEAM_KEY.privateKeyPem.slice(0, 90)}broken` } as never));
      responses.push(await actionResult(integrationOps.testConnection, owner(), { projectId: w.projectId }));
      apple.sim.addFault({ endpoint: "asc.apps", kind: "401", count: 5 });
      responses.push(await actionResult(integrationOps.testConnection, owner(), { projectId: w.projectId }));
      apple.sim.clearFaults();
      const second = await db.project.create({ data: { teamId: w.teamId, name: "Copy" } });
      responses.push(await actionResult(integrationOps.copyIntegration, owner(), { projectId: second.id, sourceProjectId: w.projectId }));
      responses.push(await actionResult(integrationOps.requestReviewsSync, owner(), { projectId: w.projectId }));
      await settleBackgroundWork();
      responses.push(await actionResult(integrationOps.getIntegrationStatus, owner(), { projectId: w.projectId }));
      responses.push(await actionResult(integrationOps.setIntegrationEnabled, owner(), { projectId: w.projectId, enabled: false }));
      responses.push(await actionResult(integrationOps.removeIntegration, owner(), { projectId: second.id, confirm: "remove" }));
      const stored = JSON.stringify({
        responses,
        audit: await db.auditLog.findMany({ where: { teamId: w.teamId } }),
        runs: await db.syncRun.findMany({ where: { teamId: w.teamId } }),
        tests: await db.integration.findMany({ where: { teamId: w.teamId }, select: { lastTestResult: true, lastSyncError: true } }),
        logged,
      });
      for (const line of secretLines(TEAM_KEY.privateKeyPem)) expect(stored).not.toContain(line);
      // Validation messages may name the PEM markers; no PEM body may follow one.
      expect(stored).not.toMatch(/BEGIN PRIVATE KEY-----(\\n|\s)*[A-Za-z0-9+/]{16}/);
      expect(responses.length).toBe(9);
      // The calls really did their work (a refusal would make this test hollow).
      expect(responses.filter((r) => (r as { ok: boolean }).ok)).toHaveLength(8);
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });
});

// The version sync against the Apple simulator over HTTP and a real PostgreSQL.
import { aroundAll, afterAll, beforeEach, describe, expect, it } from "vitest";
import { startAppleSim, type RunningAppleSim } from "@/tools/apple-sim";
import { db } from "@/lib/db";
import { settleBackgroundWork } from "@/lib/jobs/dispatch";
import { inlineSteps } from "@/lib/sync/steps";
import { createApp, createOwner } from "@/test/fixtures";
import { unreachableLoopbackUrl } from "@/test/unreachable";
import { syncAppVersions } from "./sync-app-versions";
import { actionResult } from "@/lib/operations/adapters/server-action";
import * as appOps from "@/lib/operations/apps";
import { withConfig } from "@/lib/env";
import { itunesSimConfig } from "@/test/config";

const fast = { backoffBaseMs: 5, backoffMaxMs: 20, maxRetries: 1, timeoutMs: 2_000 };
let apple: RunningAppleSim;

aroundAll(async (runSuite) => {
  apple = await startAppleSim({
    scenario: {
      apps: [
        { trackId: 7200000001, bundleId: "com.vs.us", name: "US app", version: "5.0.1", currentVersionReleaseDate: "2026-10-01T08:00:00Z", storefronts: { us: { averageRating: 4, ratingCount: 3 } } },
        { trackId: 7200000002, bundleId: "com.vs.us2", name: "US app 2", version: "1.0.0", storefronts: { us: "no_ratings" } },
        { trackId: 7200000003, bundleId: "com.vs.japan", name: "Japan only", version: "2.2.0", storefronts: { jp: { averageRating: 4.4, ratingCount: 9 } } },
        { trackId: 7200000004, bundleId: "com.vs.ireland", name: "Ireland only", version: "0.9.0", storefronts: { ie: { averageRating: 4.1, ratingCount: 12 } } },
        { trackId: 7200000005, bundleId: "com.vs.malta", name: "Malta only", version: "1.0.0", storefronts: { mt: "no_ratings" } },
      ],
    },
  });
  await withConfig(itunesSimConfig(apple), runSuite);
});
afterAll(() => apple.stop());
beforeEach(() => apple.sim.reset());

describe("app_version_sync", () => {
  it("fills App Store ids and versions from batched bundle-id lookups, also for apps sold only outside the US", async () => {
    const owner = await createOwner("versions");
    const us = await createApp(owner.teamId, owner.projectId, { bundleId: "com.vs.us" });
    const us2 = await createApp(owner.teamId, owner.projectId, { bundleId: "com.vs.us2" });
    const japan = await createApp(owner.teamId, owner.projectId, { bundleId: "com.vs.japan" });
    const unknown = await createApp(owner.teamId, owner.projectId, { bundleId: "com.vs.nowhere" });
    const android = await createApp(owner.teamId, owner.projectId, { bundleId: "com.vs.android", platform: "android" });

    const result = await syncAppVersions({ projectId: owner.projectId, trigger: "cli", steps: inlineSteps, itunes: fast });
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ apps: 4, found: 3, notFound: 1, foundOutsideUs: 1, updated: 3 });

    const byId = async (id: string) => db.app.findUniqueOrThrow({ where: { id } });
    expect(await byId(us.id)).toMatchObject({ appleAppStoreId: 7200000001n, latestAppVersion: "5.0.1" });
    expect((await byId(us.id)).latestAppVersionUpdatedAt?.toISOString()).toBe("2026-10-01T08:00:00.000Z");
    expect(await byId(us2.id)).toMatchObject({ appleAppStoreId: 7200000002n, latestAppVersion: "1.0.0" });
    expect(await byId(japan.id)).toMatchObject({ appleAppStoreId: 7200000003n, latestAppVersion: "2.2.0" });
    expect(await byId(unknown.id)).toMatchObject({ appleAppStoreId: null, latestAppVersion: null, appStoreLookupStatus: "not_found" });
    expect(await byId(japan.id)).toMatchObject({ appStoreLookupStatus: "found", appStoreLookupError: null });
    expect(await byId(android.id)).toMatchObject({ appleAppStoreId: null, appStoreLookupStatus: null });

    // One US call for all four, then the missing ones together per storefront: every storefront for the unknown one.
    const calls = apple.sim.log.filter((l) => l.endpoint === "itunes.lookup");
    const asked = (i: number) => new URLSearchParams(calls[i].query).get("bundleId")?.split(",");
    expect(calls[0].storefront).toBe("us");
    expect(asked(0)).toHaveLength(4);
    expect(calls.length).toBe(175);
    expect(new Set(calls.map((c) => c.storefront)).size).toBe(175);
    expect(asked(1)?.sort()).toEqual(["com.vs.japan", "com.vs.nowhere"]);
    expect(asked(174)).toEqual(["com.vs.nowhere"]);
    expect(result.counters.itunesRequests).toBe(calls.length);

    // A second run rewrites nothing, and asks only the big markets about a bundle id no storefront sold today.
    apple.sim.clearLog();
    const again = await syncAppVersions({ projectId: owner.projectId, trigger: "cli", steps: inlineSteps, itunes: fast });
    expect(again.counters).toMatchObject({ found: 3, notFound: 1, updated: 0 });
    expect(apple.sim.counters.byEndpoint["itunes.lookup"]).toBe(17);
  });

  it("finds apps sold in a single small storefront by asking every storefront, batched and stopping at each first hit", async () => {
    const owner = await createOwner("versions-everywhere");
    const ireland = await createApp(owner.teamId, owner.projectId, { bundleId: "com.vs.ireland" });
    const malta = await createApp(owner.teamId, owner.projectId, { bundleId: "com.vs.malta" });
    const result = await syncAppVersions({ projectId: owner.projectId, trigger: "cli", steps: inlineSteps, itunes: fast });
    expect(result).toMatchObject({ status: "succeeded", counters: { found: 2, notFound: 0, foundOutsideUs: 2 } });
    expect(await db.app.findUniqueOrThrow({ where: { id: ireland.id } })).toMatchObject({ appleAppStoreId: 7200000004n, latestAppVersion: "0.9.0", appStoreLookupStatus: "found" });
    expect((await db.app.findUniqueOrThrow({ where: { id: malta.id } })).appleAppStoreId).toBe(7200000005n);
    const calls = apple.sim.log.filter((l) => l.endpoint === "itunes.lookup");
    const ie = calls.findIndex((c) => c.storefront === "ie");
    const mt = calls.findIndex((c) => c.storefront === "mt");
    // Both bundle ids travel together until the first is found; the search ends at the last hit.
    expect(new URLSearchParams(calls[Math.min(ie, mt)].query).get("bundleId")?.split(",")).toHaveLength(2);
    expect(new URLSearchParams(calls[Math.max(ie, mt)].query).get("bundleId")?.split(",")).toHaveLength(1);
    expect(calls).toHaveLength(Math.max(ie, mt) + 1);
  });

  it("stops asking when Apple cannot be reached and records the outcome per app", async () => {
    const owner = await createOwner("versions-unreachable");
    const app = await createApp(owner.teamId, owner.projectId, { bundleId: "com.vs.us" });
    const result = await syncAppVersions({ projectId: owner.projectId, trigger: "cli", steps: inlineSteps, itunes: { ...fast, baseUrl: await unreachableLoopbackUrl() } });
    expect(result.status).toBe("failed");
    expect(result.error).toMatch(/^iTunes Lookup unreachable: connect ECONNREFUSED .*\. Gave up after 3 storefronts; 172 were not asked\.$/);
    expect(result.counters).toMatchObject({ found: 0, notFound: 0, incomplete: 1, storefrontsNotAttempted: 172, itunesRequests: 6 });
    const row = await db.app.findUniqueOrThrow({ where: { id: app.id } });
    expect(row).toMatchObject({ appStoreLookupStatus: "unreachable", appleAppStoreId: null });
    expect(row.appStoreLookupError).toMatch(/^iTunes Lookup unreachable: connect ECONNREFUSED/);
    expect(row.appStoreLookupAt).not.toBeNull();
  });

  it("records a partial run when a fallback storefront fails, and a failed run when the US call fails for all", async () => {
    const owner = await createOwner("versions-fail");
    await createApp(owner.teamId, owner.projectId, { bundleId: "com.vs.japan" });
    apple.sim.addFault({ endpoint: "itunes.lookup", kind: "500", storefront: "gb" });
    const partial = await syncAppVersions({ projectId: owner.projectId, trigger: "cli", steps: inlineSteps, itunes: fast });
    expect(partial.status).toBe("partial");
    expect(partial.error).toContain("GB");
    apple.sim.clearFaults();
    apple.sim.addFault({ endpoint: "itunes.lookup", kind: "503" });
    const failed = await syncAppVersions({ projectId: owner.projectId, trigger: "cli", steps: inlineSteps, itunes: fast });
    expect(failed.status).toBe("failed");
    // Apple answering 503 everywhere: three storefronts in a row, then the search stops instead of retrying through all 175.
    expect(failed.error).toBe("iTunes Lookup failed for US, GB, DE after retries; 172 were not asked.");
    expect(failed.counters).toMatchObject({ storefrontsNotAttempted: 172, itunesRequests: 6 });
    expect((await db.syncRun.findUniqueOrThrow({ where: { id: failed.runId! } })).status).toBe("failed");
  });

  it("a new app's failed look-up is recorded on it, and \"Retry now\" looks it up again at once", async () => {
    const owner = await createOwner("versions-retry");
    apple.sim.addFault({ endpoint: "itunes.lookup", kind: "unreachable" });
    const created = await actionResult(appOps.createApp, owner.caller, { projectId: owner.projectId, name: "US app", platform: "apple", bundleId: "com.vs.us" });
    const appId = created.ok ? created.data.id : "";
    expect(created.ok && created.data.appStoreLookup).toMatchObject({ status: null, error: null });
    await settleBackgroundWork();
    const failed = await db.app.findUniqueOrThrow({ where: { id: appId } });
    expect(failed).toMatchObject({ appStoreLookupStatus: "unreachable", appleAppStoreId: null });
    expect(failed.appStoreLookupError).toMatch(/^iTunes Lookup unreachable: /);

    apple.sim.clearFaults();
    const retried = await actionResult(appOps.retryAppStoreLookup, owner.caller, { appId });
    expect(retried.ok).toBe(true);
    await settleBackgroundWork();
    expect(await db.app.findUniqueOrThrow({ where: { id: appId } })).toMatchObject({ appStoreLookupStatus: "found", appStoreLookupError: null, appleAppStoreId: 7200000001n });
  });

  it("a changed bundle id forgets the old outcome and is looked up at once", async () => {
    const owner = await createOwner("versions-rename");
    const created = await actionResult(appOps.createApp, owner.caller, { projectId: owner.projectId, name: "Typo", platform: "apple", bundleId: "com.vs.jpan" });
    const appId = created.ok ? created.data.id : "";
    await settleBackgroundWork();
    expect((await db.app.findUniqueOrThrow({ where: { id: appId } })).appStoreLookupStatus).toBe("not_found");
    const updated = await actionResult(appOps.updateApp, owner.caller, { appId, name: "Japan only", platform: "apple", bundleId: "com.vs.japan" });
    expect(updated.ok && updated.data.appStoreLookup?.status).toBeNull();
    await settleBackgroundWork();
    expect(await db.app.findUniqueOrThrow({ where: { id: appId } })).toMatchObject({ appStoreLookupStatus: "found", appleAppStoreId: 7200000003n });
  });

  it("runs for one app right after it is created", async () => {
    const owner = await createOwner("versions-create");
    const created = await actionResult(appOps.createApp, owner.caller, { projectId: owner.projectId, name: "Japan only", platform: "apple", bundleId: "com.vs.japan" });
    expect(created.ok).toBe(true);
    await settleBackgroundWork();
    const appId = created.ok ? created.data.id : "";
    expect(await db.app.findUniqueOrThrow({ where: { id: appId } })).toMatchObject({ appleAppStoreId: 7200000003n, latestAppVersion: "2.2.0" });
    const run = await db.syncRun.findFirstOrThrow({ where: { appId, kind: "app_version_sync" } });
    expect(run).toMatchObject({ scope: "app", status: "succeeded", projectId: owner.projectId });
  });
});

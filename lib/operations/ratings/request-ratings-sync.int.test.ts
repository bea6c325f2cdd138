// "Sync ratings": owners/admins start one run per project (a second click shows the running one); members are refused.
import { aroundAll, afterAll, describe, expect, it } from "vitest";
import { startAppleSim, type RunningAppleSim } from "@/tools/apple-sim";
import { db } from "@/lib/db";
import { settleBackgroundWork } from "@/lib/jobs/dispatch";
import { addMember, createApp, createOwner } from "@/test/fixtures";
import { actionResult } from "@/lib/operations/adapters/server-action";
import * as ratingOps from "@/lib/operations/ratings";
import { withConfig } from "@/lib/env";
import { itunesSimConfig } from "@/test/config";

let apple: RunningAppleSim;
aroundAll(async (runSuite) => {
  apple = await startAppleSim({ scenario: { apps: [{ trackId: 7500000001, bundleId: "com.act.app", name: "Act", storefronts: { us: { averageRating: 4.9, ratingCount: 12 } } }] } });
  await withConfig(itunesSimConfig(apple), runSuite);
});
afterAll(() => apple.stop());

describe("requestRatingsSync", () => {
  it("runs the project's sync in the background and returns the running run to a second click", async () => {
    const owner = await createOwner("sync-owner");
    const app = await createApp(owner.teamId, owner.projectId, { bundleId: "com.act.app" });
    const admin = await addMember(owner.teamId, "admin");
    const first = await actionResult(ratingOps.requestRatingsSync, admin.caller, { projectId: owner.projectId });
    expect(first).toMatchObject({ ok: true, data: { alreadyRunning: false, run: { kind: "app_store_ratings_sync", status: "queued" } } });
    const second = await actionResult(ratingOps.requestRatingsSync, owner.caller, { projectId: owner.projectId });
    expect(second.ok && first.ok && second.data.run.id === first.data.run.id && second.data.alreadyRunning).toBe(true);
    await settleBackgroundWork();
    const runId = first.ok ? first.data.run.id : "";
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "succeeded", trigger: "manual" });
    expect((await db.app.findUniqueOrThrow({ where: { id: app.id } })).worldwideRatingCount).toBe(12);
  });

  it("refuses a member and starts nothing", async () => {
    const owner = await createOwner("sync-refuse");
    await createApp(owner.teamId, owner.projectId, { bundleId: "com.act.app" });
    const member = await addMember(owner.teamId, "member");
    const result = await actionResult(ratingOps.requestRatingsSync, member.caller, { projectId: owner.projectId });
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await db.syncRun.count({ where: { projectId: owner.projectId } })).toBe(0);
  });

  it("says what to do when the project has no Apple app to sync", async () => {
    const owner = await createOwner("sync-empty");
    await createApp(owner.teamId, owner.projectId, { platform: "android" });
    const result = await actionResult(ratingOps.requestRatingsSync, owner.caller, { projectId: owner.projectId });
    expect(result).toMatchObject({ ok: false, error: { code: "validation_failed", message: expect.stringMatching(/Add an Apple app/) } });
    expect(await db.syncRun.count({ where: { projectId: owner.projectId } })).toBe(0);
  });
});

// The Inngest functions run through @inngest/test: real steps against the simulator and PostgreSQL, with
// single steps mocked by id where a test needs a storefront to fail.
import { InngestTestEngine } from "@inngest/test";
import { aroundAll, afterAll, describe, expect, it } from "vitest";
import { startAppleSim, type RunningAppleSim } from "@/tools/apple-sim";
import { db } from "@/lib/db";
import { createSyncRun } from "@/lib/sync/runs";
import { createApp, createOwner } from "@/test/fixtures";
import { ratingsSyncRequested } from "./ratings";
import { versionSyncRequested } from "./versions";
import { withConfig } from "@/lib/env";
import { itunesSimConfig } from "@/test/config";

const TRACK = 7300000001;
let apple: RunningAppleSim;

aroundAll(async (runSuite) => {
  apple = await startAppleSim({
    scenario: { apps: [{ trackId: TRACK, bundleId: "com.inngest.app", name: "Inngested", version: "9.0", storefronts: { us: { averageRating: 4.2, ratingCount: 70 }, gb: { averageRating: 4.6, ratingCount: 30 } } }] },
  });
  await withConfig(itunesSimConfig(apple), runSuite);
});
afterAll(() => apple.stop());

async function projectWithApp() {
  const owner = await createOwner("inngest");
  const app = await createApp(owner.teamId, owner.projectId, { bundleId: "com.inngest.app", name: "Inngested" });
  const run = await createSyncRun({ kind: "app_store_ratings_sync", scope: "project", trigger: "manual", teamId: owner.teamId, projectId: owner.projectId });
  return { owner, app, run };
}

// @inngest/test replays the function once per step (~180 steps): slow on a busy machine, hence the timeouts.
const REPLAYS = { timeout: 240_000 };

describe("ratings-sync-requested", () => {
  it("runs the project's sync as named steps and finishes the requested run", REPLAYS, async () => {
    const { owner, app, run } = await projectWithApp();
    const t = new InngestTestEngine({ function: ratingsSyncRequested });
    const { result, ctx } = await t.execute({ events: [{ name: "ratings/sync.requested", data: { projectId: owner.projectId, runId: run.id } }] });
    expect(result).toMatchObject({ runId: run.id, status: "succeeded", counters: { apps: 1, storefrontsFetched: 175, rowsUpserted: 2 } });
    const stepIds = (ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
    expect(stepIds).toEqual(expect.arrayContaining(["start", "resolve-app-store-ids", "storefront-us", "storefront-gb", "rollup", "finish"]));
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "succeeded" });
    expect((await db.app.findUniqueOrThrow({ where: { id: app.id } })).worldwideRatingCount).toBe(100);
  });

  it("takes a storefront step's output as it was memoized: a failed gb step means no gb row and a partial run", REPLAYS, async () => {
    const { owner, app, run } = await projectWithApp();
    const t = new InngestTestEngine({ function: ratingsSyncRequested });
    const { result } = await t.execute({
      events: [{ name: "ratings/sync.requested", data: { projectId: owner.projectId, runId: run.id } }],
      steps: [
        {
          id: "storefront-gb",
          handler: () => ({ storefront: "gb", ok: false, found: 0, noRatings: 0, rows: 0, tombstones: 0, requests: 5, throttled: 0, retries: 4, failedAppIds: [app.id], error: "iTunes Lookup failed for storefront \"gb\" (HTTP 503)" }),
        },
      ],
    });
    expect(result).toMatchObject({ status: "partial", counters: { storefrontsFailed: 1, retries: 4 } });
    expect(await db.appStoreRating.findMany({ where: { appId: app.id }, select: { countryCode: true } })).toEqual([{ countryCode: "us" }]);
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "partial" });
  });

  it("rejects an event without a valid project and run id", async () => {
    const t = new InngestTestEngine({ function: ratingsSyncRequested });
    const { error } = await t.execute({ events: [{ name: "ratings/sync.requested", data: { projectId: "nope" } }] });
    expect(error).toBeTruthy();
  });
});

describe("versions-sync-requested", () => {
  it("refreshes the one app named in the event", async () => {
    const { owner, app } = await projectWithApp();
    const run = await createSyncRun({ kind: "app_version_sync", scope: "app", trigger: "manual", teamId: owner.teamId, projectId: owner.projectId, appId: app.id });
    const t = new InngestTestEngine({ function: versionSyncRequested });
    const { result } = await t.execute({ events: [{ name: "versions/sync.requested", data: { appId: app.id, projectId: owner.projectId, runId: run.id } }] });
    expect(result).toMatchObject({ runId: run.id, status: "succeeded", counters: { apps: 1, found: 1 } });
    expect(await db.app.findUniqueOrThrow({ where: { id: app.id } })).toMatchObject({ appleAppStoreId: BigInt(TRACK), latestAppVersion: "9.0" });
  });
});

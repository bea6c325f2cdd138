// The ratings reads behind the dashboard, through their /api/v1 routes (agent key or session → zod → reviews:read),
// on data written by a real sync against the simulator.
import { NextRequest } from "next/server";
import { aroundAll, afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppleSim, type RunningAppleSim } from "@/tools/apple-sim";
import { GET as appCountriesRoute } from "@/app/api/v1/apps/[appId]/ratings/route";
import { GET as appHistoryRoute } from "@/app/api/v1/apps/[appId]/ratings/history/route";
import { GET as projectCountriesRoute } from "@/app/api/v1/projects/[projectId]/ratings/by-country/route";
import { GET as projectSyncStatusRoute } from "@/app/api/v1/projects/[projectId]/ratings/sync/route";
import { generateAgentKey } from "@/lib/auth/agent-keys";
import type { Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { syncRatings } from "@/lib/sync/ratings/sync-ratings";
import { inlineSteps } from "@/lib/sync/steps";
import { createApp, createOwner } from "@/test/fixtures";
import type { AppCountryRatings, ProjectCountryRatings, RatingHistory, RatingsSyncStatus } from "./types";
import { withConfig } from "@/lib/env";
import { itunesSimConfig } from "@/test/config";

const A = 7400000001;
const B = 7400000002;
const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
let apple: RunningAppleSim;
let w: { teamId: string; projectId: string; alpha: string; beta: string };

async function keyFor(teamId: string, permissions: Permission[]) {
  const k = generateAgentKey();
  await db.apiKey.create({ data: { teamId, name: "test", prefix: k.prefix, keyHash: k.hash, permissions } });
  return k.key;
}

async function call<T>(route: (r: NextRequest, c: { params: Promise<Record<string, string>> }) => Promise<Response>, path: string, params: Record<string, string>, key: string) {
  const res = await route(new NextRequest(`http://localhost${path}`, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve(params) });
  return { status: res.status, body: (await res.json()) as T & { error?: { code: string } } };
}

aroundAll(async (runSuite) => {
  apple = await startAppleSim({
    scenario: {
      apps: [
        { trackId: A, bundleId: "com.q.alpha", name: "Alpha", storefronts: { us: { averageRating: 4.5, ratingCount: 100 }, gb: { averageRating: 4.0, ratingCount: 50 }, de: { averageRating: 3.0, ratingCount: 10 } } },
        { trackId: B, bundleId: "com.q.beta", name: "Beta", storefronts: { us: { averageRating: 3.5, ratingCount: 100 } } },
      ],
    },
  });
  await withConfig(itunesSimConfig(apple), runSuite);
});
beforeAll(async () => {
  const owner = await createOwner("queries");
  const alpha = await createApp(owner.teamId, owner.projectId, { bundleId: "com.q.alpha", name: "Alpha" });
  const beta = await createApp(owner.teamId, owner.projectId, { bundleId: "com.q.beta", name: "Beta" });
  w = { teamId: owner.teamId, projectId: owner.projectId, alpha: alpha.id, beta: beta.id };
  const sync = (snapshotDate: string) => syncRatings({ projectId: w.projectId, trigger: "manual", steps: inlineSteps, snapshotDate, itunes: { maxRetries: 0 } });
  await sync(yesterday);
  apple.sim.advanceDay([
    { trackId: A, storefront: "us", ratings: { averageRating: 4.5, ratingCount: 104 } },
    { trackId: A, storefront: "gb", ratings: "not_sold" },
  ]);
  await sync(today);
});
afterAll(() => apple.stop());

describe("ratings reads", () => {
  it("one app's grid: biggest markets first, tombstoned countries apart with the day they disappeared", async () => {
    const key = await keyFor(w.teamId, ["reviews:read"]);
    const { status, body } = await call<AppCountryRatings>(appCountriesRoute, `/api/v1/apps/${w.alpha}/ratings`, { appId: w.alpha }, key);
    expect(status).toBe(200);
    expect(body.store).toBe("app_store");
    expect(body.latestSnapshotDate).toBe(today);
    expect(body.countries.map((c) => [c.countryCode, c.averageRating, c.ratingCount, c.ratingCountDelta])).toEqual([
      ["us", 4.5, 104, 4],
      ["de", 3, 10, 0],
    ]);
    expect(body.unavailable).toEqual([{ countryCode: "gb", since: today, lastRatingCount: 50 }]);
  });

  it("the project-wide panel: count-weighted averages, summed counts and deltas per country", async () => {
    const key = await keyFor(w.teamId, ["reviews:read"]);
    const { body } = await call<ProjectCountryRatings>(projectCountriesRoute, "/x", { projectId: w.projectId }, key);
    expect(body.apps).toBe(2);
    expect(body.countries[0]).toEqual({ countryCode: "us", averageRating: 4.01, ratingCount: 204, ratingCountDelta: 4, apps: 2, unavailableApps: 0 });
    expect(body.countries.find((c) => c.countryCode === "gb")).toMatchObject({ ratingCount: 0, apps: 0, unavailableApps: 1, averageRating: null });
  });

  it("history: the worldwide rollup per day, or one country's snapshots", async () => {
    const key = await keyFor(w.teamId, ["reviews:read"]);
    const world = await call<RatingHistory>(appHistoryRoute, "/x?days=30", { appId: w.alpha }, key);
    expect(world.body.points.map((p) => [p.date, p.ratingCount, p.averageRating])).toEqual([
      [yesterday, 160, 4.25], // (4.5·100 + 4·50 + 3·10) / 160
      [today, 114, 4.37], // gb gone: (4.5·104 + 3·10) / 114
    ]);
    const gb = await call<RatingHistory>(appHistoryRoute, "/x?days=90&country=GB", { appId: w.alpha }, key);
    expect(gb.body).toMatchObject({ store: "app_store", country: "gb", days: 90 });
    expect(gb.body.points.map((p) => [p.date, p.ratingCount, p.averageRating])).toEqual([
      [yesterday, 50, 4],
      [today, 0, null],
    ]);
    expect((await call(appHistoryRoute, "/x?days=7", { appId: w.alpha }, key)).status).toBe(400);
    expect((await call(appHistoryRoute, "/x?country=zz", { appId: w.alpha }, key)).status).toBe(400);
  });

  it("sync status: the last run with its counters, and who may start one", async () => {
    const key = await keyFor(w.teamId, ["reviews:read"]);
    const { body } = await call<RatingsSyncStatus>(projectSyncStatusRoute, "/x", { projectId: w.projectId }, key);
    expect(body).toMatchObject({ active: null, last: { status: "succeeded", counters: { apps: 2, tombstones: 1 } }, canSync: false, appleApps: 2 });
    expect(body.cannotSyncReason).toMatch(/owners and admins/);
  });

  it("sync status after the nightly run: this project's share of the day, never the other tenants' counts", async () => {
    // A finished system-wide run over every team (created directly: a real one would snapshot other test files' apps).
    await db.syncRun.create({
      data: {
        kind: "app_store_ratings_sync",
        scope: "system",
        trigger: "schedule",
        status: "succeeded",
        counters: { apps: 9_000, rowsUpserted: 1_500_000, tombstones: 70, notifications: 400, storefronts: 175, storefrontsFetched: 174, throttleHits: 2 },
        progress: { phase: "done", snapshotDate: today },
        createdAt: new Date(Date.now() + 60_000),
        startedAt: new Date(),
        finishedAt: new Date(),
      },
    });
    const key = await keyFor(w.teamId, ["reviews:read"]);
    const { body } = await call<RatingsSyncStatus>(projectSyncStatusRoute, "/x", { projectId: w.projectId }, key);
    // Today: Alpha in us and de plus its gb tombstone, Beta in us.
    expect(body.last).toMatchObject({ status: "succeeded", trigger: "schedule" });
    expect(body.last!.counters).toEqual({ storefronts: 175, storefrontsFetched: 174, throttleHits: 2, apps: 2, rowsUpserted: 3, tombstones: 1 });
  });
});

describe.each([
  ["app countries", appCountriesRoute, () => ({ appId: w.alpha })],
  ["app history", appHistoryRoute, () => ({ appId: w.alpha })],
  ["project countries", projectCountriesRoute, () => ({ projectId: w.projectId })],
  ["project sync status", projectSyncStatusRoute, () => ({ projectId: w.projectId })],
] as const)("%s route", (_name, route, params) => {
  it("answers 'not found' to another team's key", async () => {
    const other = await createOwner("other");
    const { status, body } = await call(route, "/x", params(), await keyFor(other.teamId, ["reviews:read"]));
    expect(status).toBe(404);
    expect(body.error?.code).toBe("not_found");
  });

  it("answers 'forbidden' to a key of the team without reviews:read", async () => {
    const { status, body } = await call(route, "/x", params(), await keyFor(w.teamId, ["integrations:read"]));
    expect(status).toBe(403);
    expect(body.error?.code).toBe("forbidden");
  });
});

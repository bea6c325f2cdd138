// The ratings sync against the Apple simulator over HTTP and a real PostgreSQL.
import { aroundAll, afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startAppleSim, type RunningAppleSim, type Scenario } from "@/tools/apple-sim";
import { ItunesPacer } from "@/lib/apple/itunes";
import { db } from "@/lib/db";
import { inlineSteps } from "@/lib/sync/steps";
import { createApp, createOwner } from "@/test/fixtures";
import { unreachableLoopbackUrl } from "@/test/unreachable";
import { syncRatings, type RatingsSyncOptions } from "./sync-ratings";
import { withConfig } from "@/lib/env";
import { itunesSimConfig } from "@/test/config";

const A = 7100000001; // sold in us, gb; no ratings in de
const B = 7100000002; // sold only in Germany
const scenario: Scenario = {
  apps: [
    { trackId: A, bundleId: "com.rt.alpha", name: "Alpha", version: "3.1.0", storefronts: { us: { averageRating: 4.5, ratingCount: 100, currentVersionAverageRating: 4.8, currentVersionRatingCount: 10 }, gb: { averageRating: 4.0, ratingCount: 50 }, de: "no_ratings" } },
    { trackId: B, bundleId: "com.rt.beta", name: "Beta", version: "1.2.0", storefronts: { de: { averageRating: 3.9, ratingCount: 40 } } },
  ],
};
const fast = { backoffBaseMs: 5, backoffMaxMs: 20, maxRetries: 2, timeoutMs: 2_000 };
const DAY1 = "2026-11-19";
const DAY2 = "2026-11-20";
const DAY3 = "2026-11-21";

let apple: RunningAppleSim;
let world: { teamId: string; projectId: string; alpha: string; beta: string; android: string; noBundle: string };

aroundAll(async (runSuite) => {
  apple = await startAppleSim({ scenario });
  await withConfig(itunesSimConfig(apple), runSuite);
});
afterAll(async () => {
  await apple.stop();
});
beforeEach(async () => {
  apple.sim.reset();
  const owner = await createOwner("ratings");
  const alpha = await createApp(owner.teamId, owner.projectId, { bundleId: "com.rt.alpha", name: "Alpha" });
  const beta = await createApp(owner.teamId, owner.projectId, { bundleId: "com.rt.beta", name: "Beta" });
  const android = await createApp(owner.teamId, owner.projectId, { bundleId: "com.rt.alpha.android", name: "Alpha Android", platform: "android" });
  const noBundle = await db.app.create({ data: { teamId: owner.teamId, projectId: owner.projectId, name: "No bundle", platform: "apple" } });
  world = { teamId: owner.teamId, projectId: owner.projectId, alpha: alpha.id, beta: beta.id, android: android.id, noBundle: noBundle.id };
});

const run = (snapshotDate: string, extra: Partial<RatingsSyncOptions> = {}) =>
  syncRatings({ projectId: world.projectId, trigger: "manual", steps: inlineSteps, snapshotDate, itunes: fast, ...extra });

const rows = (appId: string, date?: string) =>
  db.appStoreRating.findMany({ where: { appId, ...(date ? { snapshotDate: new Date(date) } : {}) }, orderBy: [{ snapshotDate: "asc" }, { countryCode: "asc" }] });
const app = (id: string) => db.app.findUniqueOrThrow({ where: { id } });
const notifications = (appId: string) => db.notification.count({ where: { appId, type: "app.rating_changed" } });

describe("first sync", () => {
  it("snapshots every storefront where the app has ratings, without deltas or notifications", async () => {
    const result = await run(DAY1);
    expect(result.status).toBe("succeeded");
    const alphaRows = await rows(world.alpha);
    expect(alphaRows.map((r) => [r.countryCode, r.averageRating?.toNumber(), r.ratingCount, r.ratingCountDelta])).toEqual([
      ["gb", 4, 50, null],
      ["us", 4.5, 100, null],
    ]);
    expect(alphaRows.find((r) => r.countryCode === "us")).toMatchObject({ currentVersionRatingCount: 10, appVersion: "3.1.0" });
    expect((await rows(world.beta)).map((r) => r.countryCode)).toEqual(["de"]);

    const alpha = await app(world.alpha);
    expect(alpha.worldwideRatingCount).toBe(150);
    expect(alpha.worldwideAverageRating?.toNumber()).toBe(4.33); // (4.5·100 + 4·50) / 150
    expect(alpha.worldwideRatingCountDelta).toBeNull();
    expect(alpha.ratingsSyncedAt).not.toBeNull();
    expect(alpha.appleAppStoreId).toBe(BigInt(A));
    expect(await notifications(world.alpha)).toBe(0);

    // Android and bundle-less apps are skipped: no rows, no sync time.
    for (const id of [world.android, world.noBundle]) {
      expect(await rows(id)).toHaveLength(0);
      expect((await app(id)).ratingsSyncedAt).toBeNull();
    }
    expect(result.counters).toMatchObject({ apps: 2, appsSkipped: 2, storefronts: 175, storefrontsFetched: 175, rowsUpserted: 3, tombstones: 0, notifications: 0 });
    // One call per storefront carries both apps, plus resolving ids of apps added before any version sync
    // (us, then gb and de until Beta is found).
    expect(apple.sim.counters.byEndpoint["itunes.lookup"]).toBe(175 + 3);
    const runRow = await db.syncRun.findUniqueOrThrow({ where: { id: result.runId! } });
    expect(runRow).toMatchObject({ status: "succeeded", projectId: world.projectId, teamId: world.teamId });
    expect(runRow.progress).toMatchObject({ storefrontsDone: 175, storefrontsTotal: 175 });
  });

  it("finds the App Store id of an app sold only outside the US", async () => {
    await run(DAY1);
    expect((await app(world.beta)).appleAppStoreId).toBe(BigInt(B));
    expect((await app(world.beta)).worldwideRatingCount).toBe(40);
  });
});

describe("the next day", () => {
  it("records deltas, the date they are measured against, and notifies when the count rose", async () => {
    await run(DAY1);
    apple.sim.advanceDay([{ trackId: A, storefront: "us", ratings: { averageRating: 4.5, ratingCount: 108 } }]);
    const result = await run(DAY2);
    const us = (await rows(world.alpha, DAY2)).find((r) => r.countryCode === "us");
    expect(us?.ratingCountDelta).toBe(8);
    const alpha = await app(world.alpha);
    expect(alpha.worldwideRatingCount).toBe(158);
    expect(alpha.worldwideRatingCountDelta).toBe(8);
    expect(alpha.worldwideRatingDeltaSince?.toISOString().slice(0, 10)).toBe(DAY1);
    expect(await notifications(world.alpha)).toBe(1);
    expect(await notifications(world.beta)).toBe(0); // unchanged
    expect(result.counters).toMatchObject({ notifications: 1 });
    const note = await db.notification.findFirstOrThrow({ where: { appId: world.alpha } });
    expect(note.title).toBe("Alpha: +8 ratings since Nov 19");
    const history = await db.appWorldwideRating.findMany({ where: { appId: world.alpha }, orderBy: { snapshotDate: "asc" } });
    expect(history.map((h) => [h.ratingCount, h.ratingCountDelta])).toEqual([[150, null], [158, 8]]);
  });

  it("is idempotent on a same-day rerun: same rows, no second notification", async () => {
    await run(DAY1);
    apple.sim.advanceDay([{ trackId: A, storefront: "us", ratings: { averageRating: 4.5, ratingCount: 108 } }]);
    await run(DAY2);
    const before = JSON.stringify(await rows(world.alpha), (_k, v) => (typeof v === "bigint" ? String(v) : v));
    await run(DAY2);
    const after = JSON.stringify(await rows(world.alpha), (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(after).toBe(before);
    expect(await db.appStoreRating.count({ where: { appId: world.alpha } })).toBe(4);
    expect(await notifications(world.alpha)).toBe(1);
    expect((await app(world.alpha)).worldwideRatingCountDelta).toBe(8);
  });
});

describe("storefronts that disappear and come back", () => {
  it("tombstones only where data existed and self-heals without a notification", async () => {
    await run(DAY1);
    apple.sim.advanceDay([
      { trackId: A, storefront: "gb", ratings: "not_sold" },
      { trackId: A, storefront: "fr", ratings: "not_sold" }, // never seen there: no row at all
    ]);
    const day2 = await run(DAY2);
    const gb = (await rows(world.alpha, DAY2)).find((r) => r.countryCode === "gb");
    expect(gb).toMatchObject({ averageRating: null, ratingCount: 0, ratingCountDelta: -50 });
    expect((await rows(world.alpha)).some((r) => r.countryCode === "fr")).toBe(false);
    expect(day2.counters).toMatchObject({ tombstones: 1 });
    expect((await app(world.alpha)).worldwideRatingCount).toBe(100);

    // Still gone on day 3: the tombstone of day 2 stays the latest row, no new one.
    apple.sim.advanceDay([{ trackId: A, storefront: "us", ratings: { averageRating: 4.5, ratingCount: 100 } }]);
    const day3 = await run(DAY3);
    expect(day3.counters).toMatchObject({ tombstones: 0 });
    expect((await rows(world.alpha)).filter((r) => r.countryCode === "gb")).toHaveLength(2);

    // Back on day 4: a normal row again, the count rises, but only because of the comeback → no notification.
    apple.sim.advanceDay([{ trackId: A, storefront: "gb", ratings: { averageRating: 4.1, ratingCount: 52 } }]);
    await run("2026-11-22");
    const healed = (await rows(world.alpha, "2026-11-22")).find((r) => r.countryCode === "gb");
    expect(healed).toMatchObject({ ratingCount: 52, ratingCountDelta: 52 });
    expect(healed?.averageRating?.toNumber()).toBe(4.1);
    expect((await app(world.alpha)).worldwideRatingCount).toBe(152);
    expect(await notifications(world.alpha)).toBe(0);
    // Exactly one row per country is marked latest, and it is the newest one.
    const latest = (await rows(world.alpha)).filter((r) => r.isLatest).map((r) => [r.countryCode, r.snapshotDate.toISOString().slice(0, 10)]);
    expect(latest).toEqual([["gb", "2026-11-22"], ["us", "2026-11-22"]]);
  });

  it("removes today's row when a same-day rerun no longer finds a country seen only today", async () => {
    await run(DAY1);
    apple.sim.advanceDay([{ trackId: A, storefront: "fr", ratings: { averageRating: 5, ratingCount: 3 } }]);
    await run(DAY2);
    expect((await rows(world.alpha, DAY2)).map((r) => r.countryCode)).toEqual(["fr", "gb", "us"]);
    apple.sim.setRatings(A, "fr", "not_sold");
    apple.sim.setRatings(A, "gb", "not_sold");
    await run(DAY2);
    const day2 = await rows(world.alpha, DAY2);
    expect(day2.map((r) => [r.countryCode, r.averageRating === null])).toEqual([["gb", true], ["us", false]]);
    expect((await rows(world.alpha)).filter((r) => r.isLatest).map((r) => [r.countryCode, r.snapshotDate.toISOString().slice(0, 10)])).toEqual([
      ["gb", DAY2],
      ["us", DAY2],
    ]);
    // Back to yesterday's data for gb: its tombstone goes, yesterday's row is the latest again.
    apple.sim.setRatings(A, "gb", { averageRating: 4.0, ratingCount: 50 });
    await run(DAY2);
    expect((await rows(world.alpha)).filter((r) => r.countryCode === "gb").map((r) => [r.snapshotDate.toISOString().slice(0, 10), r.ratingCount, r.isLatest])).toEqual([
      [DAY1, 50, false],
      [DAY2, 50, true],
    ]);
  });
});

describe("figures Apple sends that cannot be read", () => {
  it("an \"N/A\" average keeps the previous figure: no tombstone, no drop in the worldwide count, counted", async () => {
    await run(DAY1);
    apple.sim.advanceDay([{ trackId: A, storefront: "gb", ratings: { averageRating: 4.0, ratingCount: 55 } }]);
    apple.sim.addFault({ endpoint: "itunes.lookup", kind: "non_numeric", storefront: "gb" });
    const result = await run(DAY2);
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ malformedFields: 1, tombstones: 0 });
    const gb = (await rows(world.alpha, DAY2)).find((r) => r.countryCode === "gb");
    expect(gb).toMatchObject({ ratingCount: 55, ratingCountDelta: 5, isLatest: true });
    expect(gb?.averageRating?.toNumber()).toBe(4);
    expect(await db.appStoreRating.count({ where: { projectId: world.projectId, averageRating: null } })).toBe(0);
    const alpha = await app(world.alpha);
    expect(alpha.worldwideRatingCount).toBe(155);
    expect(alpha.worldwideRatingCountDelta).toBe(5);
  });

  it("an unreadable count keeps the previous count and draws no delta from it", async () => {
    await run(DAY1);
    apple.sim.advanceDay([{ trackId: A, storefront: "us", ratings: { averageRating: 4.6, ratingCount: 130 } }]);
    apple.sim.addFault({ endpoint: "itunes.lookup", kind: "non_numeric", storefront: "us", field: "userRatingCount" });
    const result = await run(DAY2);
    expect(result.counters).toMatchObject({ malformedFields: 1, tombstones: 0 });
    const us = (await rows(world.alpha, DAY2)).find((r) => r.countryCode === "us");
    expect(us).toMatchObject({ ratingCount: 100, ratingCountDelta: null });
    expect(us?.averageRating?.toNumber()).toBe(4.6);
    expect((await app(world.alpha)).worldwideRatingCount).toBe(150);
  });

  it("with nothing earlier to keep, an unreadable average writes no row at all (the app is present, so never a tombstone)", async () => {
    await run(DAY1);
    apple.sim.advanceDay([{ trackId: B, storefront: "fr", ratings: { averageRating: 4.2, ratingCount: 12 } }]);
    apple.sim.addFault({ endpoint: "itunes.lookup", kind: "non_numeric", storefront: "fr" });
    const result = await run(DAY2);
    expect(result.counters).toMatchObject({ malformedFields: 1, tombstones: 0 });
    expect((await rows(world.beta)).map((r) => r.countryCode)).toEqual(["de", "de"]);
    expect((await app(world.beta)).worldwideRatingCount).toBe(40);
  });
});

describe("failures", () => {
  it("writes nothing for a storefront that fails after retries, ends partial and rolls up from the rest", async () => {
    await run(DAY1);
    apple.sim.advanceDay([
      { trackId: A, storefront: "us", ratings: { averageRating: 4.5, ratingCount: 110 } },
      { trackId: A, storefront: "gb", ratings: "not_sold" },
    ]);
    apple.sim.addFault({ endpoint: "itunes.lookup", kind: "503", storefront: "gb" });
    const result = await run(DAY2);
    expect(result.status).toBe("partial");
    expect(result.error).toContain("GB");
    expect(await db.appStoreRating.count({ where: { countryCode: "gb", snapshotDate: new Date(DAY2), projectId: world.projectId } })).toBe(0);
    expect(result.counters).toMatchObject({ storefrontsFailed: 1, storefrontsFetched: 174, errors: 1, tombstones: 0 });
    // gb's latest live row (day 1) still counts; the delta only sums countries refreshed today.
    const alpha = await app(world.alpha);
    expect(alpha.worldwideRatingCount).toBe(160);
    expect(alpha.worldwideRatingCountDelta).toBe(10);
    expect((await db.syncRun.findUniqueOrThrow({ where: { id: result.runId! } })).status).toBe("partial");
  });

  it("slows down on iTunes throttling (403) and still completes", async () => {
    class RecordingPacer extends ItunesPacer {
      lowest = Infinity;
      override onThrottle() {
        super.onThrottle();
        this.lowest = Math.min(this.lowest, this.rate);
      }
    }
    const pacer = new RecordingPacer({ callsPerMinute: 60_000 });
    apple.sim.addFault({ endpoint: "itunes.lookup", kind: "403", count: 3 });
    const result = await run(DAY1, { itunes: { ...fast, maxRetries: 4, pacer } });
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ throttleHits: 3, storefrontsFetched: 175 });
    expect(result.counters.retries).toBeGreaterThanOrEqual(3);
    expect(pacer.lowest).toBeLessThan(60_000);
    expect((await app(world.alpha)).worldwideRatingCount).toBe(150);
  });
});

describe("when Apple cannot be reached or does not know an app", () => {
  const failedNotices = () => db.notification.count({ where: { projectId: world.projectId, type: "sync.failed" } });

  it("an outage before any App Store id is known: a failed run that names the cause, within seconds, told and logged", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const started = Date.now();
      // The client's own retry timing, not the test's fast one: the run must give up quickly by itself.
      const result = await run(DAY1, { itunes: { baseUrl: await unreachableLoopbackUrl() } });
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(result.status).toBe("failed");
      expect(result.error).toMatch(/^iTunes Lookup unreachable: connect ECONNREFUSED 127\.0\.0\.1:\d+\./);
      expect(result.error).toContain("2 apps have no App Store id yet: Alpha, Beta — Apple could not be reached to look them up.");
      expect(result.counters).toMatchObject({ apps: 0, appsSkipped: 2, appsWithoutAppStoreId: ["Alpha", "Beta"], appsRefreshed: 0, storefrontsFetched: 0 });
      expect(await db.syncRun.findUniqueOrThrow({ where: { id: result.runId! } })).toMatchObject({ status: "failed", error: result.error });
      expect(await failedNotices()).toBeGreaterThan(0);
      expect(logged.mock.calls.some((c) => String(c[0]).includes(`run ${result.runId} failed: iTunes Lookup unreachable`))).toBe(true);
      // The apps say why they have no ratings, and nothing pretends they were synced.
      const alpha = await app(world.alpha);
      expect(alpha).toMatchObject({ appStoreLookupStatus: "unreachable", ratingsSyncedAt: null });
      expect(alpha.appStoreLookupError).toMatch(/^iTunes Lookup unreachable: connect ECONNREFUSED/);
    } finally {
      logged.mockRestore();
    }
  });

  it("an outage after the apps are known stops after a few storefronts and counts the ones not attempted", async () => {
    await run(DAY1);
    const before = await app(world.alpha);
    const result = await run(DAY2, { itunes: { baseUrl: await unreachableLoopbackUrl(), backoffBaseMs: 5 } });
    expect(result.status).toBe("failed");
    expect(result.counters).toMatchObject({ apps: 2, storefrontsFetched: 0, storefrontsFailed: 4, storefrontsNotAttempted: 171, appsRefreshed: 0, rowsUpserted: 0 });
    expect(result.error).toMatch(/^iTunes Lookup unreachable: connect ECONNREFUSED .*\. Gave up after 4 storefronts; 171 were not attempted and nothing was recorded there today\.$/);
    expect(await db.appStoreRating.count({ where: { projectId: world.projectId, snapshotDate: new Date(DAY2) } })).toBe(0);
    // Yesterday's figures stand, and the app is not shown as synced today.
    expect((await app(world.alpha)).ratingsSyncedAt).toEqual(before.ratingsSyncedAt);
    expect(await failedNotices()).toBeGreaterThan(0);
  });

  it("an app the App Store does not know: partial next to a synced app, failed alone, each naming the app and what to do", async () => {
    const ghost = await createApp(world.teamId, world.projectId, { bundleId: "com.rt.ghost", name: "Ghost" });
    const mixed = await run(DAY1);
    expect(mixed.status).toBe("partial");
    expect(mixed.error).toBe("1 app has no App Store id yet: Ghost — not found on the App Store by its bundle id; enter its App Store id.");
    expect(mixed.counters).toMatchObject({ apps: 2, appsWithoutAppStoreId: ["Ghost"], storefrontsFetched: 175 });
    expect(await app(ghost.id)).toMatchObject({ appStoreLookupStatus: "not_found", appStoreLookupError: null });

    await db.app.deleteMany({ where: { id: { in: [world.alpha, world.beta] } } });
    const alone = await run(DAY2);
    expect(alone.status).toBe("failed");
    expect(alone.error).toBe("1 app has no App Store id yet: Ghost — not found on the App Store by its bundle id; enter its App Store id.");
  });
});

describe("configuration", () => {
  it("ITUNES_CHUNK_SIZE sets how many apps one iTunes call carries", async () => {
    await run(DAY1, { storefronts: ["us", "gb"] }); // resolves both App Store ids
    await withConfig({ env: { ITUNES_CHUNK_SIZE: "1" } }, async () => {
      const result = await run(DAY2, { storefronts: ["us", "gb"] });
      expect(result.counters).toMatchObject({ apps: 2, itunesRequests: 4 }); // 2 storefronts × 2 calls of 1 app
    });
    expect((await run(DAY3, { storefronts: ["us", "gb"] })).counters).toMatchObject({ itunesRequests: 2 });
  });
});

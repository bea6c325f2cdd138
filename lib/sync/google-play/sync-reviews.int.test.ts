// The Play reviews sync against the Google simulator over HTTP and the real database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningGoogleSim } from "@/tools/google-sim";
import { db } from "@/lib/db";
import { PlayReadQuota } from "@/lib/google/quota";
import { inlineSteps, type StepRunner } from "@/lib/sync/steps";
import { createPlayWorld, NOTES, playScenario, simConfig, startPlaySim, WEATHER, type PlayWorld } from "@/test/google-play-world";
import { syncPlayReviews } from "./sync-reviews";

let google: RunningGoogleSim;
let w: PlayWorld;

beforeAll(async () => {
  google = await startPlaySim(
    playScenario({
      apps: [
        {
          packageName: WEATHER,
          reviews: [
            { id: "gp:edited", author: "Ana", rating: 2, title: "Crashes", text: "On start", modified: "-2h", submitted: "-2h" },
            { id: "gp:replied", author: "Ben", rating: 4, text: "Good", modified: "-3h", reply: { text: "Thanks Ben!", modified: "-1h" } },
            { id: "gp:translated", author: "Lu", rating: 5, text: "Very good", originalText: "Sehr gut", language: "de", modified: "-4h" },
            { id: "gp:ancient", rating: 1, text: "Too old for the API", modified: "-12d" },
          ],
          generate: { count: 230, seed: 9, newest: "-5h", intervalMinutes: 20 },
        },
        { packageName: NOTES, reviews: [{ id: "gp:notes-1", rating: 3, text: "Fine", modified: "-1d" }] },
      ],
    }),
  );
});
afterAll(() => google.stop());
beforeEach(async () => {
  google.sim.reset();
  w = await createPlayWorld();
});

const sync = (over: Parameters<typeof simConfig>[1] = {}, steps: StepRunner = inlineSteps) =>
  syncPlayReviews({ projectId: w.projectId, trigger: "manual", steps, google: simConfig(google, over) });
const stored = (externalId: string) => db.appStoreReview.findFirstOrThrow({ where: { projectId: w.projectId, externalId } });
const notifications = () => db.notification.findMany({ where: { userId: w.ownerId, type: "app.review_new" } });

describe("Google Play reviews sync", () => {
  it("pages through the last 7 days of every Android app (100 a page) and stores them under store google_play", async () => {
    const result = await sync();
    expect(result).toMatchObject({ status: "succeeded", error: null, counters: { apps: 2, appsCompleted: 2, pages: 4, inserted: 234, updated: 0, malformedReviews: 0, tokenRequests: 1 } });
    expect(await db.appStoreReview.count({ where: { appId: w.weatherId, store: "google_play" } })).toBe(233);
    expect(await db.appStoreReview.count({ where: { externalId: "gp:ancient" } })).toBe(0);
    expect(await stored("gp:edited")).toMatchObject({ store: "google_play", rating: 2, title: "Crashes", body: "On start", reviewerNickname: "Ana", countryCode: null, developerResponse: null, announcePending: false });
    expect(await stored("gp:translated")).toMatchObject({ body: "Sehr gut", language: "de" });
    expect(await stored("gp:replied")).toMatchObject({ developerResponse: "Thanks Ben!", developerResponseState: "PUBLISHED", developerResponseId: null });
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: result.runId! } });
    expect(run).toMatchObject({ kind: "google_play_reviews_sync", status: "succeeded" });
    expect(await db.googlePlayConnection.findFirstOrThrow({ where: { projectId: w.projectId } })).toMatchObject({ lastSyncStatus: "succeeded", lastSyncError: null });
    // An app's first sync is its history: nobody is told about 233 "new" reviews.
    expect(await notifications()).toHaveLength(0);
  });

  it("an unchanged re-sync rewrites nothing", async () => {
    await sync();
    const before = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM app_store_reviews WHERE project_id = ${w.projectId}::uuid AND xmin::text::bigint > 0`;
    const xmins = await db.$queryRaw<{ x: string }[]>`SELECT string_agg(xmin::text, ',' ORDER BY id) AS x FROM app_store_reviews WHERE project_id = ${w.projectId}::uuid`;
    const again = await sync();
    expect(again.counters).toMatchObject({ inserted: 0, updated: 0, unchanged: 234 });
    expect(await db.$queryRaw<{ x: string }[]>`SELECT string_agg(xmin::text, ',' ORDER BY id) AS x FROM app_store_reviews WHERE project_id = ${w.projectId}::uuid`).toEqual(xmins);
    expect(before[0].n).toBe(234);
  });

  it("an edited review (newer lastModified) updates its row; a new one is announced exactly once", async () => {
    await sync();
    const first = await stored("gp:edited");
    google.sim.upsertReview(WEATHER, { id: "gp:edited", rating: 4, title: "Fixed", text: "Works after 4.3", author: "Ana" });
    google.sim.upsertReview(WEATHER, { id: "gp:brand-new", rating: 1, text: "Lost my data", author: "Cy" });
    const result = await sync();
    expect(result.counters).toMatchObject({ inserted: 1, updated: 1 });
    const edited = await stored("gp:edited");
    expect(edited).toMatchObject({ rating: 4, title: "Fixed", body: "Works after 4.3", announcePending: false });
    expect(edited.createdAtInStore).toEqual(first.createdAtInStore);
    expect(edited.storeModifiedAt!.getTime()).toBeGreaterThan(first.storeModifiedAt!.getTime());
    expect(await notifications()).toMatchObject([{ title: "1 new review for Weather" }]);
    await sync();
    expect(await notifications()).toHaveLength(1);
  });

  it("a retried notify step does not announce twice", async () => {
    await sync();
    google.sim.upsertReview(WEATHER, { id: "gp:retry", rating: 5, text: "Love it" });
    let failedOnce = false;
    const flaky: StepRunner = {
      run: async (id, fn) => {
        const out = await fn();
        if (id.endsWith("-notify") && !failedOnce) {
          failedOnce = true;
          await fn();
        }
        return out;
      },
      sleep: (id, ms) => inlineSteps.sleep(id, ms),
    };
    await sync({}, flaky);
    expect(failedOnce).toBe(true);
    expect(await notifications()).toHaveLength(1);
  });

  it("the reply state comes from the API: a reply made in Play Console appears, a removed one goes", async () => {
    await sync();
    google.sim.findReview(WEATHER, "gp:edited")!.reply = { text: "Sorry — fixed in 4.3", modifiedMs: Date.now() };
    google.sim.findReview(WEATHER, "gp:replied")!.reply = null;
    await sync();
    expect(await stored("gp:edited")).toMatchObject({ developerResponse: "Sorry — fixed in 4.3", developerResponseState: "PUBLISHED", respondedByUserId: null });
    expect(await stored("gp:replied")).toMatchObject({ developerResponse: null, developerResponseState: null, developerResponseAt: null });
  });

  it("waits out a 429 from Google and completes", async () => {
    google.sim.addFault({ endpoint: "play.list", kind: "429", count: 1, retryAfter: 1, target: WEATHER });
    const result = await sync();
    expect(result).toMatchObject({ status: "succeeded", counters: { inserted: 234, quotaWaits: 1 } });
    expect(google.sim.counters.byStatus["429"]).toBe(1);
  });

  it("a quota that stays spent for one app: partial, naming the app and Google's answer; the other app is synced", async () => {
    google.sim.addFault({ endpoint: "play.list", kind: "429", retryAfter: 3600, target: WEATHER });
    const result = await sync();
    expect(result.status).toBe("partial");
    expect(result.error).toContain("Weather (listing its reviews): Google Play Developer API 429 RESOURCE_EXHAUSTED");
    expect(result.counters).toMatchObject({ appsCompleted: 1, appsIncomplete: 1, errorsByStatus: { "429": 1 }, appFailures: [{ app: "Weather", status: "429", code: "RESOURCE_EXHAUSTED" }] });
    expect(await db.appStoreReview.count({ where: { appId: w.notesId } })).toBe(1);
    const told = await db.notification.findFirst({ where: { userId: w.ownerId, type: "sync.failed" } });
    expect(told).toMatchObject({ title: expect.stringContaining("Google Play review sync incomplete") });
  });

  it("the local hourly budget stops reads before Google's quota does", async () => {
    const result = await sync({ quota: new PlayReadQuota(2) });
    expect(result.counters).toMatchObject({ appFailures: [{ app: "Weather", status: "local", code: "LOCAL_READ_BUDGET" }] });
    expect(google.sim.counters.byEndpoint["play.list"]).toBe(3);
  });

  it("a key Google refuses stops the run: failed, with Google's error and hint, told once", async () => {
    google.sim.addFault({ endpoint: "token", kind: "invalid_grant_signature" });
    const result = await sync();
    expect(result.status).toBe("failed");
    expect(result.error).toMatch(/^Stopped at Weather: Google OAuth 400 invalid_grant: Invalid JWT Signature\. — Google refused the key's signature/);
    expect(await db.appStoreReview.count({ where: { projectId: w.projectId } })).toBe(0);
    expect(await db.notification.count({ where: { userId: w.ownerId, type: "sync.failed" } })).toBe(1);
  });

  it("an account not invited for one app: that app's failure, the other app synced", async () => {
    google.sim.updateAccount(google.sim.scenario.accounts[0].clientEmail, { packages: [NOTES] });
    const result = await sync();
    expect(result).toMatchObject({ status: "partial", counters: { appFailures: [{ app: "Weather", status: "403", hint: expect.stringContaining("Users and permissions") }] } });
    expect(await db.appStoreReview.count({ where: { appId: w.notesId } })).toBe(1);
  });

  it("a review with NUL and half an emoji is stored safely", async () => {
    google.sim.addFault({ endpoint: "play.list", kind: "odd_text", count: 1, target: WEATHER });
    const result = await sync();
    expect(result.status).toBe("succeeded");
    // The newest review (titled "Crashes") arrives as "Odd\0 text \ud83d Crashes\tOn start".
    expect(await stored("gp:edited")).toMatchObject({ title: "Odd text \ufffd Crashes", body: "On start" });
  });

  it("refuses to run without an enabled connection, and says so", async () => {
    await db.googlePlayConnection.updateMany({ where: { projectId: w.projectId }, data: { enabled: false } });
    expect(await sync()).toMatchObject({ status: "failed", error: "The Google Play connection is disabled." });
    expect(google.sim.counters.total).toBe(0);
  });
});

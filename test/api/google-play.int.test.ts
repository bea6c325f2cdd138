// /api/v1 for Google Play: Play reviews in the reviews list (store field and filter), a reply through the API (Play's
// 350 characters, no delete), an Android app's ratings (Play Console averages per country, no counts), and the
// connection's status, test, sync and copy, against the Google simulator over HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningGoogleSim } from "@/tools/google-sim";
import * as appRatings from "@/app/api/v1/apps/[appId]/ratings/route";
import * as appHistory from "@/app/api/v1/apps/[appId]/ratings/history/route";
import * as apps from "@/app/api/v1/projects/[projectId]/apps/route";
import * as reply from "@/app/api/v1/reviews/[reviewId]/response/route";
import * as reviews from "@/app/api/v1/reviews/route";
import * as playStatus from "@/app/api/v1/projects/[projectId]/integrations/google-play/route";
import * as playCopy from "@/app/api/v1/projects/[projectId]/integrations/google-play/copy/route";
import * as playSync from "@/app/api/v1/projects/[projectId]/integrations/google-play/sync/route";
import * as playTest from "@/app/api/v1/projects/[projectId]/integrations/google-play/test/route";
import * as run from "@/app/api/v1/runs/[runId]/route";
import { playConnectionCopiedSchema, playConnectionTestSchema, playStatusSchema } from "@/lib/api/v1/schemas/google-play";
import { settleBackgroundWork } from "@/lib/jobs/dispatch";
import { appListSchema } from "@/lib/api/v1/schemas/apps";
import { appCountryRatingsSchema, ratingHistorySchema } from "@/lib/api/v1/schemas/ratings";
import { reviewPageSchema } from "@/lib/api/v1/schemas/reviews";
import { db } from "@/lib/db";
import { googleSimConfig, useConfig } from "@/test/config";
import { createApp } from "@/test/fixtures";
import { createSyncedPlayWorld, PLAY_ACCOUNT, PLAY_API_SCENARIO, startPlaySim, WEATHER, type PlayWorld } from "@/test/google-play-world";
import { agentKeyFor, callRoute } from "./harness";

let google: RunningGoogleSim;
let w: PlayWorld;
let readKey: string;
let writeKey: { key: string; id: string };
let appStoreReviewId: string;

beforeAll(async () => {
  google = await startPlaySim(PLAY_API_SCENARIO);
});
// A reply through the API reaches Google through the configured endpoints.
useConfig(() => googleSimConfig(google));
afterAll(async () => {
  await settleBackgroundWork();
  await google.stop();
});

beforeEach(async () => {
  google.sim.reset();
  w = await createSyncedPlayWorld(google);
  // An App Store app with a review beside the Play ones, in the same project.
  const apple = await createApp(w.teamId, w.projectId, { name: "Weather for iPhone", bundleId: "com.example.weather.ios" });
  appStoreReviewId = (
    await db.appStoreReview.create({
      data: { teamId: w.teamId, projectId: w.projectId, appId: apple.id, externalId: "asc-1", rating: 4, body: "Nice on iPhone", countryCode: "us", createdAtInStore: new Date() },
    })
  ).id;
  readKey = (await agentKeyFor(w.teamId, w.caller)).key;
  writeKey = await agentKeyFor(w.teamId, w.caller, { permissions: ["reviews:read", "reviews:write"] });
  google.sim.counters.byEndpoint = {};
});

const list = (query: Record<string, string>) => callRoute(reviews.GET, "/reviews", { key: readKey, query });
const playReview = (externalId: string) => db.appStoreReview.findFirstOrThrow({ where: { projectId: w.projectId, externalId } });
const put = (reviewId: string, body: string, key = writeKey.key) => callRoute(reply.PUT, "", { method: "PUT", key, params: { reviewId }, body: { body } });

describe("GET /reviews with Play reviews", () => {
  it("gives each review its store and filters by store", async () => {
    const all = await list({});
    expect(reviewPageSchema.safeParse(all.json).success).toBe(true);
    expect(all.json.items.map((r: { externalId: string; store: string }) => [r.externalId, r.store]).sort()).toEqual([
      ["asc-1", "app_store"],
      ["gp:crash", "google_play"],
      ["gp:thanks", "google_play"],
    ]);
    const play = await list({ store: "google_play" });
    expect(play.json.items.map((r: { externalId: string }) => r.externalId).sort()).toEqual(["gp:crash", "gp:thanks"]);
    expect(play.json.items[0]).toMatchObject({ countryCode: null, appName: "Weather" });
    expect(play.json.total).toEqual({ count: 2, capped: false });
    expect((await list({ store: "app_store" })).json.items.map((r: { externalId: string }) => r.externalId)).toEqual(["asc-1"]);
    expect((await list({ store: "google_play", response: "yes" })).json.items.map((r: { externalId: string }) => r.externalId)).toEqual(["gp:thanks"]);
  });

  it("refuses an unknown store with 400, saying the two it takes", async () => {
    const res = await list({ store: "play" });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "validation_failed", fieldErrors: { store: "Store is app_store or google_play." } });
  });
});

describe("PUT / DELETE /reviews/{id}/response on a Play review", () => {
  it("publishes on Google Play, stores the reply as Google kept it, and audit-logs the key", async () => {
    const id = (await playReview("gp:crash")).id;
    const res = await put(id, "Sorry! <b>Fixed</b> in 4.3.");
    expect(res.status).toBe(200);
    expect(res.json.review).toMatchObject({ store: "google_play", reply: { body: "Sorry! Fixed in 4.3.", state: "PUBLISHED", byUserName: null } });
    expect(google.sim.findReview(WEATHER, "gp:crash")?.reply?.text).toBe("Sorry! Fixed in 4.3.");
    expect(await db.auditLog.findFirstOrThrow({ where: { teamId: w.teamId, targetId: id } })).toMatchObject({ action: "review.reply_created", actorApiKeyId: writeKey.id, actorUserId: null });
    // Replying again replaces the reply.
    expect((await put(id, "Update: 4.3.1 is out.")).json.review.reply.body).toBe("Update: 4.3.1 is out.");
    expect(google.sim.findReview(WEATHER, "gp:crash")?.reply?.text).toBe("Update: 4.3.1 is out.");
  });

  it("refuses more than Play's 350 characters with 400 before Google is asked; the App Store's limit still holds for App Store reviews", async () => {
    const id = (await playReview("gp:crash")).id;
    const res = await put(id, "x".repeat(351));
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "validation_failed", fieldErrors: { body: "Google Play accepts at most 350 characters (this reply has 351)." } });
    expect(google.sim.counters.byEndpoint["play.reply"]).toBeUndefined();
    expect((await playReview("gp:crash")).developerResponse).toBeNull();
    expect((await put(appStoreReviewId, "x".repeat(5971))).json.error.fieldErrors.body).toContain("5,970");
  });

  it("refuses to delete a Play reply with 409 saying Play has no delete; the reply stays", async () => {
    const id = (await playReview("gp:thanks")).id;
    const res = await callRoute(reply.DELETE, "", { method: "DELETE", key: writeKey.key, params: { reviewId: id } });
    expect(res.status).toBe(409);
    expect(res.json.error).toEqual({ code: "conflict", message: "Google Play has no way to delete a reply: reply again to replace it." });
    expect((await playReview("gp:thanks")).developerResponse).toBe("Thank you!");
    expect(google.sim.findReview(WEATHER, "gp:thanks")?.reply?.text).toBe("Thank you!");
  });

  it("the same permission gate: a reviews:read key cannot reply (403), and nothing reaches Google", async () => {
    const id = (await playReview("gp:crash")).id;
    const res = await put(id, "Hello", readKey);
    expect(res.status).toBe(403);
    expect(google.sim.counters.byEndpoint["play.reply"]).toBeUndefined();
  });
});

describe("an Android app's ratings", () => {
  it("the app list gives its Play Console average and no count", async () => {
    const res = await callRoute(apps.GET, "", { key: readKey, params: { projectId: w.projectId } });
    const weather = appListSchema.parse(res.json).apps.find((a) => a.id === w.weatherId);
    expect(weather).toMatchObject({ platform: "android", worldwideAverageRating: expect.any(Number), worldwideRatingCount: null, worldwideRatingCountDelta: null });
  });

  it("by country: store google_play, Play Console averages highest first, counts null (never 0)", async () => {
    const res = await callRoute(appRatings.GET, "", { key: readKey, params: { appId: w.weatherId } });
    expect(res.status).toBe(200);
    const body = appCountryRatingsSchema.parse(res.json);
    expect(body.store).toBe("google_play");
    expect(body.countries.map((c) => c.countryCode)).toEqual(["cu", "us", "de"]);
    for (const c of body.countries) expect(c).toMatchObject({ ratingCount: null, ratingCountDelta: null, averageRating: expect.any(Number), snapshotDate: body.latestSnapshotDate });
    expect(body.countries.some((c) => c.dailyAverageRating !== null)).toBe(true);
    expect(body.unavailable).toEqual([]);
  });

  it("history: the overview per day, or one country's days (also where the App Store has no storefront)", async () => {
    const world = ratingHistorySchema.parse((await callRoute(appHistory.GET, "", { key: readKey, params: { appId: w.weatherId }, query: { days: "30" } })).json);
    expect(world.store).toBe("google_play");
    expect(world.points.length).toBe(6);
    expect(world.points.every((p) => p.ratingCount === null && p.averageRating !== null)).toBe(true);
    const cuba = await callRoute(appHistory.GET, "", { key: readKey, params: { appId: w.weatherId }, query: { days: "30", country: "CU" } });
    expect(cuba.status).toBe(200);
    expect(ratingHistorySchema.parse(cuba.json)).toMatchObject({ store: "google_play", country: "cu" });
    expect(cuba.json.points).toHaveLength(6);
    const zz = await callRoute(appHistory.GET, "", { key: readKey, params: { appId: w.weatherId }, query: { country: "zz" } });
    expect(zz.status).toBe(400);
    expect(zz.json.error.fieldErrors.country).toBe("Not a country code: use two letters such as us or de.");
  });
});

describe("the Google Play connection in /api/v1", () => {
  const project = () => ({ params: { projectId: w.projectId } });
  let adminKey: string;
  beforeEach(async () => {
    adminKey = (await agentKeyFor(w.teamId, w.caller, { permissions: ["reviews:read", "integrations:read", "integrations:write"] })).key;
  });

  it("status: the connection (never the key), the latest run of each Play job, and whether the key may sync", async () => {
    const res = await callRoute(playStatus.GET, "", { key: readKey, ...project() });
    expect(res.status).toBe(403);
    const ok = await callRoute(playStatus.GET, "", { key: adminKey, ...project() });
    expect(ok.status).toBe(200);
    const body = playStatusSchema.parse(ok.json);
    expect(body).toMatchObject({ canSync: true, connection: { clientEmail: PLAY_ACCOUNT.clientEmail, enabled: true }, runs: { reviews: { status: "succeeded" }, ratings: { status: "succeeded" }, backfill: null } });
    expect(JSON.stringify(ok.json)).not.toContain("PRIVATE KEY");
  });

  it("test: each step with what Google answered; a refusal is a result, not an error", async () => {
    const res = await callRoute(playTest.POST, "", { method: "POST", key: adminKey, ...project() });
    expect(res.status).toBe(200);
    expect(playConnectionTestSchema.parse(res.json)).toMatchObject({ ok: true, token: { ok: true }, apps: [{ packageName: WEATHER, ok: true }, { ok: true }], bucket: { ok: true } });
    google.sim.updateAccount(PLAY_ACCOUNT.clientEmail, { bucketAccess: false });
    const refused = await callRoute(playTest.POST, "", { method: "POST", key: adminKey, ...project() });
    expect(refused.json).toMatchObject({ ok: false, bucket: { ok: false, error: { service: "Cloud Storage", status: 403, hint: expect.stringContaining("reports bucket") } } });
  });

  it("sync: 202 with the run to poll, which the API reports as it ends", async () => {
    google.sim.upsertReview(WEATHER, { id: "gp:new", rating: 3, text: "Okay", author: "Cy" });
    const res = await callRoute(playSync.POST, "", { method: "POST", key: adminKey, ...project() });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ runId: expect.any(String), alreadyRunning: false });
    await settleBackgroundWork();
    const polled = await callRoute(run.GET, "", { key: readKey, params: { runId: res.json.runId } });
    expect(polled.json).toMatchObject({ kind: "google_play_reviews_sync", trigger: "api", status: "succeeded", counters: { inserted: 1 } });
    await db.googlePlayConnection.updateMany({ where: { projectId: w.projectId }, data: { enabled: false } });
    const disabled = await callRoute(playSync.POST, "", { method: "POST", key: adminKey, ...project() });
    expect(disabled.status).toBe(409);
    expect(disabled.json.error.message).toBe("Enable the Google Play connection to sync reviews.");
  });

  it("copy: the connection of another project of the team, tested, with its imports started", async () => {
    const second = await db.project.create({ data: { teamId: w.teamId, name: "Second" } });
    const res = await callRoute(playCopy.POST, "", { method: "POST", key: adminKey, params: { projectId: second.id }, body: { fromProjectId: w.projectId } });
    expect(res.status).toBe(200);
    const body = playConnectionCopiedSchema.parse(res.json);
    expect(body).toMatchObject({ connection: { projectId: second.id, clientEmail: PLAY_ACCOUNT.clientEmail }, test: { ok: true } });
    expect(body.runs.map((r) => r.kind).sort()).toEqual(["google_play_ratings_sync", "google_play_reviews_backfill", "google_play_reviews_sync"]);
    expect(await db.auditLog.findFirst({ where: { projectId: second.id, action: "google_play.connection_copied" } })).toMatchObject({ actorApiKeyId: expect.any(String), actorUserId: null });
    await settleBackgroundWork();
    const empty = await db.project.create({ data: { teamId: w.teamId, name: "Empty" } });
    const none = await callRoute(playCopy.POST, "", { method: "POST", key: adminKey, params: { projectId: second.id }, body: { fromProjectId: empty.id } });
    expect(none.status).toBe(404);
  });
});

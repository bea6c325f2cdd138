import { aroundAll, afterAll, afterEach, describe, expect, it } from "vitest";
import type { RunningAppleSim } from "@/tools/apple-sim";
import { db } from "@/lib/db";
import { inlineSteps } from "@/lib/sync/steps";
import { createApp } from "@/test/fixtures";
import { createReviewsWorld, reviewsScenario, startReviewsSim, type ReviewsWorld } from "@/test/reviews-world";
import { notifyNewReviews } from "./notify-new-reviews";
import { syncProjectReviews } from "./sync-project";
import { withConfig } from "@/lib/env";
import { ascSimConfig } from "@/test/config";

let apple: RunningAppleSim;

const scenario = reviewsScenario({
  reviews: {
    "1001": {
      items: [
        { id: "r-kosovo", territory: "XKS", rating: 1, title: "Crash", body: "Crashes on launch", nickname: "kosovar", createdDate: "2026-02-03T00:00:00Z" },
        { id: "r-pending", territory: "DEU", rating: 4, body: "Gut", nickname: "d", createdDate: "2026-02-02T00:00:00Z", response: { id: "resp-pending", body: "Danke", state: "PENDING_PUBLISH" } },
        { id: "r-published", territory: "USA", rating: 5, body: "Great", nickname: "u", createdDate: "2026-02-01T00:00:00Z", response: { id: "resp-pub", body: "Thanks!", lastModifiedDate: "2026-02-01T10:00:00Z" } },
      ],
      generate: { count: 450, seed: 3, responseShare: 0.2, startDate: "2026-01-01T00:00:00Z" },
    },
    "1002": [{ id: "r-notes", territory: "GBR", rating: 3, body: "Okay notes", nickname: "brit", createdDate: "2026-01-15T00:00:00Z" }],
  },
});

aroundAll(async (runSuite) => {
  apple = await startReviewsSim(scenario);
  await withConfig(ascSimConfig(apple), runSuite);
});
afterAll(() => apple.stop());
afterEach(() => {
  apple.sim.reset();
});

const sync = (w: ReviewsWorld) => syncProjectReviews({ projectId: w.projectId, trigger: "manual", steps: inlineSteps });
const countReviews = (appId: string) => db.appStoreReview.count({ where: { appId } });
const review = (appId: string, externalId: string) => db.appStoreReview.findFirst({ where: { appId, externalId } });
const xmins = async (projectId: string) =>
  (await db.$queryRaw<{ id: string; x: string }[]>`SELECT id::text, xmin::text AS x FROM app_store_reviews WHERE project_id = ${projectId}::uuid ORDER BY id`)
    .map((r) => `${r.id}:${r.x}`)
    .join(",");

describe("reviews sync against the simulator", () => {
  it("first sync pages everything, maps territories (XKS → xk), stores replies, and does not notify", async () => {
    const w = await createReviewsWorld();
    const result = await sync(w);
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ apps: 2, appsCompleted: 2, inserted: 454, updated: 0, unchanged: 0, deleted: 0, pages: 4, aborted: false });
    expect(await countReviews(w.weatherId)).toBe(453);
    const kosovo = await review(w.weatherId, "r-kosovo");
    expect(kosovo).toMatchObject({ countryCode: "xk", territory: "XKS", rating: 1, title: "Crash", reviewerNickname: "kosovar" });
    expect(kosovo?.createdAtInStore.toISOString()).toBe("2026-02-03T00:00:00.000Z");
    expect(await review(w.weatherId, "r-published")).toMatchObject({ developerResponse: "Thanks!", developerResponseId: "resp-pub", developerResponseState: "PUBLISHED", respondedByUserId: null });
    expect((await review(w.notesId, "r-notes"))?.countryCode).toBe("gb");
    expect(await db.notification.count({ where: { teamId: w.teamId, type: "app.review_new" } })).toBe(0);
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: result.runId! } });
    expect(run).toMatchObject({ status: "succeeded", kind: "app_store_connect_reviews_sync" });
    const integration = await db.integration.findFirstOrThrow({ where: { projectId: w.projectId } });
    expect(integration).toMatchObject({ lastSyncStatus: "succeeded", lastSyncError: null });
    expect(await db.reviewSyncSeen.count({ where: { runKey: result.runId! } })).toBe(0);
  });

  it("an unchanged re-sync rewrites no row", async () => {
    const w = await createReviewsWorld();
    await sync(w);
    const before = await xmins(w.projectId);
    const again = await sync(w);
    expect(again.counters).toMatchObject({ inserted: 0, updated: 0, unchanged: 454, deleted: 0, responsesCleared: 0 });
    expect(await xmins(w.projectId)).toBe(before);
  });

  it("detects the language of new and edited reviews only: a re-sync keeps the stored language of unchanged text", async () => {
    const w = await createReviewsWorld();
    await sync(w);
    // A marker no detector answers: it survives only if the unchanged review is not detected again.
    await db.appStoreReview.updateMany({ where: { appId: w.weatherId, externalId: "r-kosovo" }, data: { language: "xx" } });
    apple.sim.getReview("r-notes")!.body = "Die App stürzt seit dem letzten Update ständig ab und ist unbrauchbar";
    await sync(w);
    expect((await review(w.weatherId, "r-kosovo"))?.language).toBe("xx");
    expect((await review(w.notesId, "r-notes"))?.language).toBe("de");
  });

  it("new reviews notify app.review_new with the count and the newest snippet, once per run", async () => {
    const w = await createReviewsWorld();
    await sync(w);
    apple.sim.addReview("1001", { id: "r-fresh-1", territory: "FRA", rating: 2, title: "Bof", body: "Trop de pubs", nickname: "fr", createdDate: "2026-03-02T00:00:00Z" });
    apple.sim.addReview("1001", { id: "r-fresh-2", territory: "FRA", rating: 5, title: "Super", body: "Parfait maintenant", nickname: "fr2", createdDate: "2026-03-03T00:00:00Z" });
    const result = await sync(w);
    expect(result.counters).toMatchObject({ inserted: 2, updated: 0 });
    const notes = await db.notification.findMany({ where: { teamId: w.teamId, type: "app.review_new" } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ title: "2 new reviews for Weather", appId: w.weatherId, syncRunId: result.runId });
    expect(notes[0].body).toContain("Super — Parfait maintenant");
    expect((await review(w.weatherId, "r-fresh-1"))?.countryCode).toBe("fr");
  });

  it("new reviews inserted by a run that fails mid-pagination are announced by that run, and never again", async () => {
    const w = await createReviewsWorld();
    await sync(w);
    for (const n of [1, 2, 3]) apple.sim.addReview("1001", { id: `r-new-${n}`, territory: "FRA", rating: n, body: `Nouveau ${n}`, nickname: "fr", createdDate: `2026-03-0${n}T00:00:00Z` });
    // Weather's second page and all its retries fail: its first page (with the three new reviews) was written.
    for (const nth of [2, 3, 4, 5]) apple.sim.addFault({ endpoint: "asc.reviews", kind: "500", app: "1001", nth });
    const partial = await sync(w);
    expect(partial.status).toBe("partial");
    expect(partial.counters).toMatchObject({ inserted: 3, appsIncomplete: 1 });
    const notes = () => db.notification.findMany({ where: { teamId: w.teamId, type: "app.review_new" }, orderBy: { createdAt: "asc" } });
    expect(await notes()).toHaveLength(1);
    expect((await notes())[0]).toMatchObject({ title: "3 new reviews for Weather", syncRunId: partial.runId });
    expect((await notes())[0].body).toContain("★★★ Nouveau 3");

    apple.sim.clearFaults();
    const complete = await sync(w);
    expect(complete.status).toBe("succeeded");
    expect(await notes()).toHaveLength(1);
    apple.sim.addReview("1001", { id: "r-new-4", territory: "FRA", rating: 5, body: "Parfait", nickname: "fr", createdDate: "2026-03-04T00:00:00Z" });
    await sync(w);
    expect((await notes()).map((n) => n.title)).toEqual(["3 new reviews for Weather", "1 new review for Weather"]);
  });

  it("reviews a run inserted but did not get to announce are announced by the next run", async () => {
    const w = await createReviewsWorld();
    await sync(w);
    // As a run that stopped between writing a page and its notify step leaves them.
    await db.appStoreReview.updateMany({ where: { appId: w.weatherId, externalId: { in: ["r-kosovo", "r-pending"] } }, data: { announcePending: true } });
    const next = await sync(w);
    expect(next.counters).toMatchObject({ inserted: 0 });
    const notes = await db.notification.findMany({ where: { teamId: w.teamId, type: "app.review_new" } });
    expect(notes.map((n) => [n.title, n.syncRunId])).toEqual([["2 new reviews for Weather", next.runId]]);
    expect(await db.appStoreReview.count({ where: { appId: w.weatherId, announcePending: true } })).toBe(0);
    // A retried notify step of that run finds what it claimed, and notify() keeps it to one notification.
    const run = { runId: next.runId!, teamId: w.teamId, projectId: w.projectId, startedAt: new Date().toISOString() };
    const app = { appId: w.weatherId, name: "Weather", appStoreId: "1001", hadReviews: true, announcePending: false };
    expect(await notifyNewReviews(run, app)).toBe(0);
    expect(await db.notification.count({ where: { teamId: w.teamId, type: "app.review_new" } })).toBe(1);
    expect(await db.appStoreReview.count({ where: { appId: w.weatherId, announcedRunId: next.runId } })).toBe(2);
  });

  it("deletes a review removed at Apple after a complete run, but not after a run that failed mid-pagination", async () => {
    const w = await createReviewsWorld();
    await sync(w);
    apple.sim.deleteReview("gen-1001-400");
    apple.sim.deleteReview("r-kosovo");
    // Page 2 and all its retries fail: the view of Apple is incomplete.
    for (const nth of [2, 3, 4, 5]) apple.sim.addFault({ endpoint: "asc.reviews", kind: "500", nth });
    const failed = await sync(w);
    expect(failed.status).toBe("partial");
    expect(failed.counters).toMatchObject({ deleted: 0, appsIncomplete: 1, appsCompleted: 1, errorsByStatus: { "500": 1 } });
    expect((failed.counters as { retries: number }).retries).toBeGreaterThanOrEqual(3);
    expect(await countReviews(w.weatherId)).toBe(453);
    apple.sim.clearFaults();
    const complete = await sync(w);
    expect(complete.status).toBe("succeeded");
    expect(complete.counters).toMatchObject({ deleted: 2 });
    expect(await countReviews(w.weatherId)).toBe(451);
    expect(await review(w.weatherId, "r-kosovo")).toBeNull();
  });

  it("a partial run says which app and what Apple answered: on the run, the integration and in sync.failed", async () => {
    const w = await createReviewsWorld();
    await sync(w);
    for (const nth of [2, 3, 4, 5]) apple.sim.addFault({ endpoint: "asc.reviews", kind: "500", app: "1001", nth });
    const result = await sync(w);
    expect(result.status).toBe("partial");
    expect(result.counters).toMatchObject({
      appFailures: [{ appId: w.weatherId, app: "Weather", during: "reviews", status: "500", code: "UNEXPECTED_ERROR", detail: expect.stringContaining("An unexpected error occurred on the server side"), hint: expect.any(String), inserted: 0 }],
    });
    expect(result.error).toMatch(/^1 of 2 apps could not be read completely; its reviews were kept as they were\. Weather \(paging its reviews\): App Store Connect 500 UNEXPECTED_ERROR: An unexpected error occurred on the server side/);
    expect(await db.integration.findFirstOrThrow({ where: { projectId: w.projectId } })).toMatchObject({ lastSyncStatus: "partial", lastSyncError: result.error });
    const told = await db.notification.findMany({ where: { teamId: w.teamId, type: "sync.failed", syncRunId: result.runId } });
    expect(told).toHaveLength(1);
    expect(told[0].title).toMatch(/^Review sync incomplete for /);
    expect(told[0].body).toMatch(/^The run could not read Weather: .*500 UNEXPECTED_ERROR/);
    const delivery = await db.notificationDelivery.findFirstOrThrow({ where: { syncRunId: result.runId, eventType: "sync.failed" } });
    expect((delivery.payload as { data: { appFailures: unknown[] } }).data.appFailures).toEqual([{ app: "Weather", status: "500", code: "UNEXPECTED_ERROR", detail: expect.any(String) }]);
  });

  it("a 5xx mid-pagination is retried and the run completes", async () => {
    const w = await createReviewsWorld();
    apple.sim.addFault({ endpoint: "asc.reviews", kind: "503", nth: 2 });
    const result = await sync(w);
    expect(result.status).toBe("succeeded");
    expect((result.counters as { retries: number }).retries).toBe(1);
    expect(await countReviews(w.weatherId)).toBe(453);
  });

  it("clears replies deleted in App Store Connect (published and pending), confirmed by reading them by id", async () => {
    const w = await createReviewsWorld();
    await sync(w);
    // Starboard knows the pending reply (e.g. it posted it); it is not listed with include=response.
    const pending = (await review(w.weatherId, "r-pending"))!;
    await db.appStoreReview.update({ where: { id: pending.id }, data: { developerResponse: "Danke", developerResponseId: "resp-pending", developerResponseState: "PENDING_PUBLISH" } });
    apple.sim.deleteResponse("resp-pub");
    apple.sim.deleteResponse("resp-pending");
    apple.sim.clearLog();
    const result = await sync(w);
    expect(result.counters).toMatchObject({ responsesCleared: 2, pendingChecked: 1 });
    expect(await review(w.weatherId, "r-published")).toMatchObject({ developerResponse: null, developerResponseId: null, developerResponseState: null });
    expect(await review(w.weatherId, "r-pending")).toMatchObject({ developerResponse: null, developerResponseId: null });
    expect(apple.sim.log.filter((e) => e.endpoint === "asc.response.get").map((e) => e.status)).toEqual([404, 404]);
  });

  it("re-reads pending replies by id and records PENDING_PUBLISH → PUBLISHED", async () => {
    const w = await createReviewsWorld();
    await sync(w);
    const pending = (await review(w.weatherId, "r-pending"))!;
    await db.appStoreReview.update({ where: { id: pending.id }, data: { developerResponse: "Danke", developerResponseId: "resp-pending", developerResponseState: "PENDING_PUBLISH" } });
    let result = await sync(w);
    expect(result.counters).toMatchObject({ pendingChecked: 1, responsesCleared: 0 });
    expect((await review(w.weatherId, "r-pending"))?.developerResponseState).toBe("PENDING_PUBLISH");
    apple.sim.publishResponses("resp-pending");
    // Once published, Apple lists it with the review again; either path records the flip.
    result = await sync(w);
    expect((await review(w.weatherId, "r-pending"))?.developerResponseState).toBe("PUBLISHED");
    result = await sync(w);
    expect(result.counters).toMatchObject({ pendingChecked: 0 });
  });

  it("a reply published while Apple's list still says PENDING_PUBLISH is not rewritten on every sync", async () => {
    const w = await createReviewsWorld();
    await sync(w);
    const pending = (await review(w.weatherId, "r-pending"))!;
    await db.appStoreReview.update({ where: { id: pending.id }, data: { developerResponse: "Danke", developerResponseId: "resp-pending", developerResponseState: "PENDING_PUBLISH" } });
    apple.sim.publishResponses("resp-pending");
    // From now on the list lags the flip: every reply it shows reads PENDING_PUBLISH, GET by id says PUBLISHED.
    apple.sim.setOptions({ pendingVisibility: 1 });
    apple.sim.addFault({ endpoint: "asc.reviews", kind: "stale_pending" });
    await sync(w);
    expect(await review(w.weatherId, "r-pending")).toMatchObject({ developerResponseState: "PUBLISHED", developerResponse: "Danke" });
    expect(await review(w.weatherId, "r-published")).toMatchObject({ developerResponseState: "PUBLISHED" });
    const before = await xmins(w.projectId);
    const again = await sync(w);
    expect(again.counters).toMatchObject({ inserted: 0, updated: 0, responsesRefreshed: 0, pendingChecked: 0 });
    expect(await xmins(w.projectId)).toBe(before);
    apple.sim.setOptions({ pendingVisibility: 0 });
  });

  it("a 401 aborts the run with Apple's reason on the integration and the run", async () => {
    const w = await createReviewsWorld();
    apple.sim.addFault({ endpoint: "asc.reviews", kind: "401", count: 5 });
    const result = await sync(w);
    expect(result.status).toBe("failed");
    expect(result.counters).toMatchObject({ aborted: true, errorsByStatus: { "401": 1 }, appsCompleted: 0 });
    expect(result.error).toMatch(/^Stopped at Weather: App Store Connect 401 NOT_AUTHORIZED/);
    expect(result.counters).toMatchObject({ appFailures: [{ app: "Weather", status: "401", code: "NOT_AUTHORIZED" }] });
    expect(result.error).toMatch(/issuer ID, key ID and \.p8/);
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: result.runId! } });
    expect(run.error).toBe(result.error);
    expect(await db.integration.findFirstOrThrow({ where: { projectId: w.projectId } })).toMatchObject({ lastSyncStatus: "failed", lastSyncError: result.error });
    // Only the first app was tried: the key is refused for all of them.
    expect(apple.sim.log.filter((e) => e.endpoint === "asc.reviews").every((e) => e.path.includes("1001"))).toBe(true);
    expect(await db.notification.count({ where: { teamId: w.teamId, type: "sync.failed" } })).toBeGreaterThan(0);
  });

  it("a 403 agreements error aborts with the Account Holder hint", async () => {
    const w = await createReviewsWorld();
    apple.sim.addFault({ endpoint: "asc.reviews", kind: "agreement", count: 5 });
    const result = await sync(w);
    expect(result.status).toBe("failed");
    expect(result.error).toMatch(/FORBIDDEN\.REQUIRED_AGREEMENTS.*Account Holder/);
  });

  it("honours a 429 by waiting and carrying on", async () => {
    const w = await createReviewsWorld();
    apple.sim.addFault({ endpoint: "asc.reviews", kind: "429", nth: 2, retryAfter: 0 });
    const result = await sync(w);
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ rateLimitWaits: 1, inserted: 454 });
  });

  it("syncs with an individual key (sub=user tokens)", async () => {
    const w = await createReviewsWorld({ keyType: "individual" });
    const result = await sync(w);
    expect(result.status).toBe("succeeded");
    expect(await countReviews(w.notesId)).toBe(1);
    expect(apple.sim.log.every((e) => e.keyId === "INDIVKEY01")).toBe(true);
  });

  it("an app without an App Store id gets it from App Store Connect's app list and syncs; one the key cannot see is named", async () => {
    const w = await createReviewsWorld();
    await db.app.update({ where: { id: w.notesId }, data: { appleAppStoreId: null } });
    await createApp(w.teamId, w.projectId, { name: "Ghost", bundleId: "com.example.ghost" });
    const result = await sync(w);
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ apps: 2, appsCompleted: 2, appStoreIdsFound: 1, appsWithoutAppStoreId: ["Ghost"], inserted: 454 });
    expect((await db.app.findUniqueOrThrow({ where: { id: w.notesId } })).appleAppStoreId).toBe(1002n);
    expect(await countReviews(w.notesId)).toBe(1);
    // The next run needs no app list: only the Ghost is still looked up.
    apple.sim.clearLog();
    await sync(w);
    expect(apple.sim.log.filter((e) => e.endpoint === "asc.apps")).toHaveLength(1);
  });

  it("when the app list cannot be read, the apps with an App Store id still sync and the run says what was missed", async () => {
    const w = await createReviewsWorld();
    await db.app.update({ where: { id: w.notesId }, data: { appleAppStoreId: null } });
    apple.sim.addFault({ endpoint: "asc.apps", kind: "503", count: 10 });
    const result = await sync(w);
    expect(result.status).toBe("partial");
    expect(result.counters).toMatchObject({ apps: 1, appsCompleted: 1, appStoreIdsFound: 0, appsWithoutAppStoreId: ["Notes"], errorsByStatus: { "503": 1 } });
    expect(result.error).toMatch(/app list could not be read .*Notes had no App Store id/);
    expect(await countReviews(w.weatherId)).toBe(453);
  });

  it("a review with NUL or half an emoji in its text is stored cleaned and never fails the sync", async () => {
    const w = await createReviewsWorld();
    apple.sim.addReview("1001", { id: "r-nul", territory: "USA", rating: 2, title: "Bad\u0000 title", body: "Crashes \ud83d", nickname: "\udc00nul", createdDate: "2026-03-05T00:00:00Z" });
    const result = await sync(w);
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ inserted: 455, malformedReviews: 0 });
    expect(await review(w.weatherId, "r-nul")).toMatchObject({ title: "Bad title", body: "Crashes \ufffd", reviewerNickname: "\ufffdnul" });
    expect((await sync(w)).counters).toMatchObject({ inserted: 0, updated: 0, unchanged: 455 });
  });

  it("a review listed with a rating outside 1–5 or an unreadable date is skipped and counted, and a stored copy is kept as it was", async () => {
    const w = await createReviewsWorld();
    apple.sim.addFault({ endpoint: "asc.reviews", kind: "unreadable_review", app: "1001", count: 1 });
    const first = await sync(w);
    expect(first.status).toBe("succeeded");
    expect(first.counters).toMatchObject({ inserted: 452, malformedReviews: 2 });
    expect(await review(w.weatherId, "r-kosovo")).toBeNull();
    expect(await review(w.weatherId, "r-pending")).toBeNull();

    await sync(w);
    const stored = await review(w.weatherId, "r-kosovo");
    expect(stored).toMatchObject({ rating: 1 });
    const before = await xmins(w.projectId);
    apple.sim.addFault({ endpoint: "asc.reviews", kind: "unreadable_review", app: "1001", count: 1 });
    const again = await sync(w);
    expect(again.counters).toMatchObject({ inserted: 0, updated: 0, deleted: 0, malformedReviews: 2 });
    expect(await xmins(w.projectId)).toBe(before);
    expect(await review(w.weatherId, "r-kosovo")).toMatchObject({ rating: 1, createdAtInStore: stored!.createdAtInStore });
  });

  it("refuses to run without an enabled integration", async () => {
    const w = await createReviewsWorld({ integration: false });
    const result = await sync(w);
    expect(result).toMatchObject({ status: "failed", error: "This project has no App Store Connect integration." });
    expect(apple.sim.counters.total).toBe(0);
  });
});

// Search in every language, end to end: reviews come from the Apple simulator through the real sync (which
// detects and stores each review's language), then are searched through the dashboard's server actions.
import pg from "pg";
import { aroundAll, afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningAppleSim } from "@/tools/apple-sim";
import { db } from "@/lib/db";
import { syncProjectReviews } from "@/lib/sync/reviews/sync-project";
import { inlineSteps } from "@/lib/sync/steps";
import { createReviewsWorld, reviewsScenario, startReviewsSim, type ReviewsWorld } from "@/test/reviews-world";
import { encodeCursor, MATCH_COUNT_CAP, searchReviews, SearchTooSlowError } from "./search";
import { actionResult } from "@/lib/operations/adapters/server-action";
import * as reviewOps from "@/lib/operations/reviews";
import { withConfig } from "@/lib/env";
import { ascSimConfig } from "@/test/config";

const REVIEWS = [
  { id: "en-crashes", territory: "USA", title: "Crashes constantly", body: "The app keeps crashing since the update." },
  { id: "en-crashed", territory: "GBR", title: null, body: "It crashed twice today while I was syncing my notes." },
  { id: "en-battery", territory: "USA", title: "Battery", body: "My batteries drain overnight, the widget never sleeps." },
  { id: "en-dark", territory: "USA", title: "Dark mode please", body: "Please add a dark mode for the widgets." },
  { id: "en-mode-dark", territory: "USA", title: null, body: "The mode is too dark to read at night." },
  { id: "en-address", territory: "CAN", title: null, body: "Add an address book and notifications for birthdays." },
  { id: "de-absturz", territory: "DEU", title: "Absturz", body: "Nach dem Update gibt es bei jedem Start einen Absturz." },
  { id: "de-abstuerzt", territory: "AUT", title: null, body: "Die App abstürzt ständig, bitte beheben." },
  { id: "de-stuerzt-ab", territory: "DEU", title: "Stürzt ab", body: "Sie stürzt ab, sobald ich ein Foto hinzufüge. Nicht gut." },
  { id: "fr-pub", territory: "FRA", title: "Trop de publicités", body: "Une publicité toutes les deux minutes, c'est insupportable." },
  { id: "es-act", territory: "ESP", title: null, body: "Las actualizaciones son muy lentas y la aplicación se cierra sola." },
  { id: "ru-ads", territory: "RUS", title: null, body: "Слишком много рекламы, приложение невозможно использовать." },
  { id: "ja-ads", territory: "JPN", title: "広告が多すぎる", body: "この広告が多くて使いにくいです。" },
  { id: "ja-slow", territory: "JPN", title: null, body: "通知が遅いことがあります。" },
  { id: "zh-crash", territory: "CHN", title: null, body: "更新后一打开就闪退，广告太多了。" },
  { id: "ko-ads", territory: "KOR", title: null, body: "광고가 너무 많아요. 동기화도 느려요." },
].map((r, i) => ({ ...r, rating: 1 + (i % 5), nickname: `reviewer${i}`, createdDate: new Date(Date.UTC(2026, 0, 20, 0, 0, 0) - i * 3_600_000).toISOString() }));

let apple: RunningAppleSim;
let w: ReviewsWorld;
const idOf = new Map<string, string>();

aroundAll(async (runSuite) => {
  apple = await startReviewsSim(reviewsScenario({ reviews: { "1001": REVIEWS } }));
  await withConfig(ascSimConfig(apple), runSuite);
});
beforeAll(async () => {
  w = await createReviewsWorld();
  await syncProjectReviews({ projectId: w.projectId, trigger: "manual", steps: inlineSteps });
  for (const r of await db.appStoreReview.findMany({ where: { projectId: w.projectId }, select: { id: true, externalId: true } })) idOf.set(r.id, r.externalId);
});
afterAll(() => apple.stop());

async function search(filters: Record<string, unknown>) {
  const result = await actionResult(reviewOps.searchReviews, w.ownerCaller, { teamId: w.teamId, project: w.projectId, ...filters });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}
const found = async (q: string, extra: Record<string, unknown> = {}) => (await search({ q, ...extra })).items.map((i) => idOf.get(i.id)).sort();

describe("language detected at ingest", () => {
  it("stores each review's language and offers it as a filter", async () => {
    const rows = await db.appStoreReview.findMany({ where: { projectId: w.projectId }, select: { externalId: true, language: true } });
    const byId = Object.fromEntries(rows.map((r) => [r.externalId, r.language]));
    expect(byId).toMatchObject({ "en-crashes": "en", "de-absturz": "de", "fr-pub": "fr", "es-act": "es", "ru-ads": "ru", "ja-ads": "ja", "zh-crash": "zh", "ko-ads": "ko" });
    expect(await found("", { language: "de" })).toEqual(["de-abstuerzt", "de-absturz", "de-stuerzt-ab"]);
    expect((await search({ language: "ja" })).items.every((i) => i.language === "ja")).toBe(true);
  });
});

describe("alphabetic languages", () => {
  it("matches inflected forms", async () => {
    expect(await found("crash")).toEqual(["en-crashed", "en-crashes"]);
    expect(await found("crashes")).toEqual(["en-crashed", "en-crashes"]);
    expect(await found("battery")).toEqual(["en-battery"]);
    expect(await found("publicités")).toEqual(["fr-pub"]);
    expect(await found("actualización")).toEqual(["es-act"]);
    expect(await found("реклама")).toEqual(["ru-ads"]);
  });

  it("matches word prefixes from three letters on, across an umlaut the stemmer folds", async () => {
    expect(await found("abstürz")).toEqual(["de-abstuerzt", "de-absturz"]);
    expect(await found("notif")).toEqual(["en-address"]);
    expect(await found("sync")).toEqual(["en-crashed"]);
    // Two letters are a whole word: "ad" is not a prefix of "add" or "address".
    expect(await found("ad")).toEqual([]);
  });

  it("keeps stop words searchable", async () => {
    expect(await found("nicht")).toEqual(["de-stuerzt-ab"]);
  });

  it("matches exact phrases in word order", async () => {
    expect(await found('"dark mode"')).toEqual(["en-dark"]);
    expect(await found('"stürzt ab"')).toEqual(["de-stuerzt-ab"]);
  });

  it("excludes words, their forms and phrases", async () => {
    expect(await found("crash -syncing")).toEqual(["en-crashes"]);
    expect(await found("dark -widgets")).toEqual(["en-mode-dark"]);
    expect(await found('mode -"dark mode"')).toEqual(["en-mode-dark"]);
  });

  it("joins terms with or", async () => {
    expect(await found("batteries or publicité")).toEqual(["en-battery", "fr-pub"]);
  });
});

describe("Chinese, Japanese and Korean", () => {
  it("finds words inside unspaced text", async () => {
    expect(await found("広告")).toEqual(["ja-ads"]);
    expect(await found("遅い")).toEqual(["ja-slow"]);
    expect(await found("闪退")).toEqual(["zh-crash"]);
    expect(await found("广告")).toEqual(["zh-crash"]);
    expect(await found("광고")).toEqual(["ko-ads"]);
    expect(await found("느려요")).toEqual(["ko-ads"]);
    expect(await found("使いにくい")).toEqual(["ja-ads"]);
  });

  it("excludes, phrases and single characters", async () => {
    expect(await found("広告 -使いにくい")).toEqual([]);
    expect(await found('"広告が多"')).toEqual(["ja-ads"]);
    expect(await found("闪")).toEqual(["zh-crash"]);
  });
});

describe("highlights", () => {
  it("marks the matched words of each result, inflections and CJK substrings included", async () => {
    const page = await search({ q: "abstürz 広告" });
    expect(page.items).toHaveLength(0); // both must match: no review has both
    const de = (await search({ q: "abstürz" })).items.find((i) => idOf.get(i.id) === "de-absturz")!;
    expect(de.highlights!.title.map(([s, e]) => de.title!.slice(s, e))).toEqual(["Absturz"]);
    expect(de.highlights!.body.map(([s, e]) => de.body.slice(s, e))).toEqual(["Absturz"]);
    const ja = (await search({ q: "広告" })).items[0];
    expect(ja.highlights!.body.map(([s, e]) => ja.body.slice(s, e))).toEqual(["広告"]);
    const en = (await search({ q: "crash -syncing" })).items[0];
    expect(en.highlights!.title.map(([s, e]) => en.title!.slice(s, e))).toEqual(["Crashes"]);
    expect(en.highlights!.body.map(([s, e]) => en.body.slice(s, e))).toEqual(["crashing"]);
  });
});

describe("limits and bad input", () => {
  const refused = async (filters: Record<string, unknown>) => {
    const result = await actionResult(reviewOps.searchReviews, w.ownerCaller, { teamId: w.teamId, ...filters });
    expect(result.ok).toBe(false);
    return result.ok ? null : result.error;
  };

  it("refuses more than 16 words and more than 200 characters, saying the limit", async () => {
    const many = Array.from({ length: 17 }, (_, i) => `word${i}`).join(" or ");
    expect(await refused({ q: many })).toMatchObject({ code: "validation_failed", fieldErrors: { q: expect.stringContaining("at most 16 words") } });
    expect(await refused({ q: "a".repeat(201) })).toMatchObject({ code: "validation_failed", fieldErrors: { q: "Search is at most 200 characters." } });
  });

  it("refuses NUL and half characters in the text filters", async () => {
    expect(await refused({ q: "crash\u0000" })).toMatchObject({ code: "validation_failed", fieldErrors: { q: expect.stringContaining("NUL") } });
    expect(await refused({ nickname: "ann\u0000" })).toMatchObject({ code: "validation_failed", fieldErrors: { nickname: expect.stringContaining("NUL") } });
    expect(await refused({ q: "crash \ud83d" })).toMatchObject({ code: "validation_failed", fieldErrors: { q: expect.stringContaining("unpaired surrogate") } });
  });

  it("refuses crafted page cursors with a 400", async () => {
    const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
    const real = (await searchReviews(w.ctx, { project: w.projectId }, { limit: 1 })).nextCursor;
    expect(real).not.toBeNull();
    for (const cursor of [
      "not-base64-json",
      b64("null"),
      b64({}),
      b64(["2020-02-30T00:00:00.000Z", "00000000-0000-4000-8000-000000000000"]),
      b64(["1", "00000000-0000-4000-8000-000000000000"]),
      b64(["2026-01-01T00:00:00.000Z", "------------------------------------"]),
      b64(["+275760-09-13T00:00:00.000Z", "00000000-0000-4000-8000-000000000000"]),
      b64([123, 456]),
    ]) {
      expect(await refused({ project: w.projectId, cursor })).toMatchObject({ code: "validation_failed", message: expect.stringContaining("no longer valid") });
    }
    expect(encodeCursor({ createdAt: "2026-01-01T00:00:00.000Z", id: "00000000-0000-4000-8000-000000000000" })).toMatch(/^[\w-]+$/);
  });

  it("reports a search that runs out of time as a clear 400, not a server error", async () => {
    // Another session holds the table: the search waits for it until its statement timeout stops it.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query("BEGIN; LOCK TABLE app_store_reviews IN ACCESS EXCLUSIVE MODE");
      const started = Date.now();
      const error = await searchReviews(w.ctx, { q: "crash" }, { timeoutMs: 300 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SearchTooSlowError);
      expect(error).toMatchObject({ status: 400, code: "validation_failed", message: expect.stringContaining("took longer than 0.3 s") });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
  });

  it("matches reviewer names of one or two characters as a prefix, % and _ literally, and refuses a name without letters", async () => {
    expect((await search({ nickname: "re" })).total.count).toBe(REVIEWS.length);
    expect((await search({ nickname: "er" })).items).toEqual([]);
    expect((await search({ nickname: "er%" })).items).toEqual([]);
    expect((await search({ nickname: "viewer_" })).items).toEqual([]);
    expect(await refused({ nickname: "%" })).toMatchObject({ code: "validation_failed", fieldErrors: { nickname: "Reviewer needs a letter or digit of the name." } });
    expect(await refused({ nickname: "_%" })).toMatchObject({ code: "validation_failed" });
    expect((await search({ nickname: "reviewer1" })).items.map((i) => idOf.get(i.id)).sort()).toEqual(
      ["en-crashed", "es-act", "ru-ads", "ja-ads", "ja-slow", "zh-crash", "ko-ads"].sort(),
    );
  });
});

describe("the count", () => {
  it(`is exact up to ${MATCH_COUNT_CAP.toLocaleString("en-US")} and capped beyond`, async () => {
    expect((await search({ q: "crash" })).total).toEqual({ count: 2, capped: false });
    const many = await db.project.create({ data: { teamId: w.teamId, name: "Many" } });
    await db.$executeRaw`
      INSERT INTO app_store_reviews (team_id, project_id, app_id, external_id, rating, body, created_at_in_store, language)
      SELECT ${w.teamId}::uuid, ${many.id}::uuid, ${w.notesId}::uuid, 'bulk-' || g, 1 + g % 5, 'crashes again ' || g, now() - g * interval '1 minute', 'en'
      FROM generate_series(1, ${MATCH_COUNT_CAP + 5}) g`;
    const page = await actionResult(reviewOps.searchReviews, w.ownerCaller, { teamId: w.teamId, project: many.id, q: "crash" });
    expect(page.ok && page.data.total).toEqual({ count: MATCH_COUNT_CAP, capped: true });
    expect(page.ok && page.data.items).toHaveLength(30);
    const oneStar = await actionResult(reviewOps.searchReviews, w.ownerCaller, { teamId: w.teamId, project: many.id, rating: "1" });
    expect(oneStar.ok && oneStar.data.total).toEqual({ count: 201, capped: false });
  });
});

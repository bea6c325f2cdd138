// The review backfill and the ratings import from the Play Console exports, against the Google simulator's Cloud
// Storage over HTTP and the real database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningGoogleSim } from "@/tools/google-sim";
import { db } from "@/lib/db";
import { resolveAccess } from "@/lib/auth/access";
import { appCountryRatings } from "@/lib/data/ratings/app-country-ratings";
import { inlineSteps, type StepRunner } from "@/lib/sync/steps";
import { createApp } from "@/test/fixtures";
import { createPlayWorld, NOTES, playScenario, simConfig, startPlaySim, WEATHER, type PlayWorld } from "@/test/google-play-world";
import { backfillPlayReviews } from "./backfill-reviews";
import { importPlayRatings } from "./import-ratings";
import { syncPlayReviews } from "./sync-reviews";

const REVIEWS_HEADER =
  "Package Name,App Version Code,App Version Name,Reviewer Language,Device,Review Submit Date and Time,Review Submit Millis Since Epoch,Review Last Update Date and Time,Review Last Update Millis Since Epoch,Star Rating,Review Title,Review Text,Developer Reply Date and Time,Developer Reply Millis Since Epoch,Developer Reply Text,Review Link";
const link = (id: string) => `http://play.google.com/console/developers/1/app/2/user-feedback/review-details?reviewId=${encodeURIComponent(id)}&corpus=PUBLIC_REVIEWS`;
// An old monthly file as Play Console writes it: a star-only rating, a row without a review id, a rating that is not 1–5.
const OLD_REVIEWS = [
  REVIEWS_HEADER,
  `${WEATHER},40,"3.9.0",fr,"a51",2024-01-03T10:00:00Z,1704276000000,2024-01-03T10:00:00Z,1704276000000,3,"","Pas mal, mais ""lent""",,,"",${link("gp:jan-1")}`,
  `${WEATHER},40,"3.9.0",en,"a51",2024-01-04T10:00:00Z,1704362400000,2024-01-04T10:00:00Z,1704362400000,5,"","",,,"",${link("gp:jan-stars")}`,
  `${WEATHER},40,"3.9.0",en,"a51",2024-01-05T10:00:00Z,1704448800000,2024-01-05T10:00:00Z,1704448800000,4,"Nice","No id in the link",,,"",http://play.google.com/console/developers/1/app/2/user-feedback`,
  `${WEATHER},40,"3.9.0",en,"a51",2024-01-06T10:00:00Z,1704535200000,2024-01-06T10:00:00Z,1704535200000,9,"","Nine stars",,,"",${link("gp:jan-9")}`,
  `${WEATHER},40,"3.9.0",en,"a51",2024-01-07T10:00:00Z,1704621600000,2024-01-08T10:00:00Z,1704708000000,1,"Bad","Multi\nline",2024-01-09T10:00:00Z,1704794400000,"We are on it",${link("gp:jan-2")}`,
].join("\n");
const OLD_RATINGS = [
  "Date,Package Name,Country,Daily Average Rating,Total Average Rating",
  `2024-01-01,${WEATHER},US,4,4.25`,
  `2024-01-01,${WEATHER},Other,3,4.1`,
  `2024-01-02,${WEATHER},US,NA,4.2512`,
  `2024-01-02,${WEATHER},DE,3.5,`,
  `2024-01-03,${WEATHER},DE,four,4.2`,
].join("\n");

let google: RunningGoogleSim;
let w: PlayWorld;

beforeAll(async () => {
  google = await startPlaySim(
    playScenario({
      apps: [
        {
          packageName: WEATHER,
          reviews: [
            { id: "gp:api-and-export", author: "Ana", rating: 2, title: "Slow", text: "Since 4.2", modified: "-2h", submitted: "-40d" },
            { id: "gp:last-month", rating: 4, text: "Older than the API's week", modified: "-20d", reply: { text: "Thanks!", modified: "-19d" } },
          ],
          generate: { count: 40, seed: 4, newest: "-1d", intervalMinutes: 1440 },
        },
        { packageName: NOTES, reviews: [{ id: "gp:notes-old", rating: 5, text: "Solid", modified: "-35d" }] },
      ],
      ratings: { [WEATHER]: { countries: { us: 4.4, de: 3.9, jp: 4.1 }, days: 40, endOffsetDays: 1, naShare: 0.3, seed: 2 } },
      objects: {
        [`reviews/reviews_${WEATHER}_202401.csv`]: OLD_REVIEWS,
        [`stats/ratings/ratings_${WEATHER}_202401_country.csv`]: OLD_RATINGS,
        [`stats/ratings/ratings_${WEATHER}_202401_device.csv`]: "Date,Package Name,Device,Daily Average Rating,Total Average Rating\n2024-01-01,x,a51,4,4\n",
      },
    }),
  );
});
afterAll(() => google.stop());
beforeEach(async () => {
  google.sim.reset();
  w = await createPlayWorld();
});

const input = () => ({ projectId: w.projectId, trigger: "manual" as const, steps: inlineSteps, google: simConfig(google) });
const stored = (externalId: string) => db.appStoreReview.findFirst({ where: { projectId: w.projectId, externalId } });

describe("review backfill from the monthly exports", () => {
  it("imports every month's file: older reviews, replies and first-submission times; star-only and unreadable rows counted", async () => {
    const result = await backfillPlayReviews(input());
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ apps: 2, appsCompleted: 2, filesUnchanged: 0, filesMissing: 0, ratingsWithoutText: 1, malformedRows: 2 });
    const counters = result.counters as { files: number; filesImported: number; inserted: number; rows: number };
    expect(counters.filesImported).toBe(counters.files);
    expect(counters.inserted).toBe(counters.rows - 3);
    expect(await stored("gp:jan-1")).toMatchObject({ store: "google_play", rating: 3, body: 'Pas mal, mais "lent"', language: "fr", reviewerNickname: null, createdAtInStore: new Date("2024-01-03T10:00:00Z") });
    expect(await stored("gp:jan-2")).toMatchObject({ title: "Bad", body: "Multi\nline", developerResponse: "We are on it", developerResponseAt: new Date("2024-01-09T10:00:00Z"), storeModifiedAt: new Date("2024-01-08T10:00:00Z") });
    expect(await stored("gp:last-month")).toMatchObject({ developerResponse: "Thanks!" });
    expect(await stored("gp:notes-old")).not.toBeNull();
    expect(await stored("gp:jan-stars")).toBeNull();
    expect(await stored("gp:jan-9")).toBeNull();
    // History: nothing is announced.
    expect(await db.appStoreReview.count({ where: { projectId: w.projectId, announcePending: true } })).toBe(0);
    expect(await db.notification.count({ where: { userId: w.ownerId } })).toBe(0);
  });

  it("a second run downloads nothing it already imported; a rewritten file is read again", async () => {
    const first = await backfillPlayReviews(input());
    const downloads = google.sim.counters.byEndpoint["storage.download"];
    const again = await backfillPlayReviews(input());
    expect(again.counters).toMatchObject({ filesImported: 0, filesUnchanged: (first.counters as { files: number }).files, inserted: 0 });
    expect(google.sim.counters.byEndpoint["storage.download"]).toBe(downloads);
    google.sim.upsertReview(WEATHER, { id: "gp:fresh", rating: 5, text: "New this month" });
    const third = await backfillPlayReviews(input());
    expect(third.counters).toMatchObject({ filesImported: 1, inserted: 1 });
  });

  it("never replaces what the API gave with an older copy, and keeps the API's author name", async () => {
    await syncPlayReviews(input());
    const fromApi = await stored("gp:api-and-export");
    await backfillPlayReviews(input());
    const after = await stored("gp:api-and-export");
    expect(after).toMatchObject({ reviewerNickname: "Ana", title: "Slow", body: "Since 4.2", storeModifiedAt: fromApi!.storeModifiedAt });
    // The export knows the first submission, 40 days ago: the earliest time wins.
    expect(after!.createdAtInStore.getTime()).toBeLessThan(fromApi!.createdAtInStore.getTime());
  });

  it("a malformed line is counted (with its file and line), not fatal", async () => {
    google.sim.addFault({ endpoint: "storage.download", kind: "malformed_csv_line", target: "202401" });
    const result = await backfillPlayReviews(input());
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ malformedRows: 3, malformedSamples: [{ file: `reviews/reviews_${WEATHER}_202401.csv`, line: 3, reason: expect.stringContaining("Invalid Record Length") }] });
    expect(await stored("gp:jan-1")).not.toBeNull();
    expect(await stored("gp:jan-2")).not.toBeNull();
  });

  it("a review whose exported text has NUL and half an emoji is stored safely", async () => {
    google.sim.addFault({ endpoint: "storage.download", kind: "odd_text", target: `reviews_${NOTES}_` });
    await backfillPlayReviews(input());
    expect(await stored("gp:notes-old")).toMatchObject({ body: "Odd text \ufffd Solid" });
  });

  it("a bucket the account cannot read stops the run with Google's words and what to do; so does a wrong bucket", async () => {
    google.sim.updateAccount(google.sim.scenario.accounts[0].clientEmail, { bucketAccess: false });
    const refused = await backfillPlayReviews(input());
    expect(refused.status).toBe("failed");
    expect(refused.error).toMatch(/Cloud Storage 403 forbidden: .*does not have storage\.objects\.list access.* — The service account cannot read the reports bucket/);
    // The owners and admins are told, with Google's answer, and pointed at the integrations page.
    expect(await db.notification.findMany({ where: { userId: w.ownerId, type: "sync.failed" } })).toMatchObject([
      { title: expect.stringMatching(/^Google Play review backfill failed for /), body: expect.stringContaining("does not have storage.objects.list access"), link: `/dashboard/projects/${w.projectId}/integrations`, syncRunId: refused.runId },
    ]);
    google.sim.reset();
    await db.googlePlayConnection.updateMany({ where: { projectId: w.projectId }, data: { reportsBucket: "pubsite_prod_rev_999" } });
    const missing = await backfillPlayReviews(input());
    expect(missing).toMatchObject({ status: "failed", error: expect.stringContaining("The specified bucket does not exist") });
  });

  it("without a bucket there is nothing to read: failed, saying where to find it", async () => {
    await db.googlePlayConnection.updateMany({ where: { projectId: w.projectId }, data: { reportsBucket: null } });
    expect(await backfillPlayReviews(input())).toMatchObject({ status: "failed", error: expect.stringContaining("Copy Cloud Storage URI") });
    expect(google.sim.counters.total).toBe(0);
  });
});

describe("ratings import from the monthly exports", () => {
  it("stores the Play Console averages per country and day beside the App Store rows, with no counts", async () => {
    const apple = await createApp(w.teamId, w.projectId, { name: "iOS Weather", platform: "apple", appleAppStoreId: 555n });
    await db.appStoreRating.create({ data: { teamId: w.teamId, projectId: w.projectId, appId: apple.id, countryCode: "us", snapshotDate: new Date("2026-01-01"), averageRating: 4.5, ratingCount: 10, isLatest: true } });
    await db.app.update({ where: { id: apple.id }, data: { worldwideAverageRating: 4.5, worldwideRatingCount: 10 } });
    const appleBefore = JSON.stringify(await db.appStoreRating.findMany({ where: { appId: apple.id } }), (_k, v) => (typeof v === "bigint" ? String(v) : v));

    const result = await importPlayRatings(input());
    expect(result.status).toBe("succeeded");
    expect(result.counters).toMatchObject({ appsRolledUp: 1, unknownCountryRows: 1, rowsWithoutAverage: 1, malformedRows: 1, filesMissing: 0 });

    const rows = await db.appStoreRating.findMany({ where: { appId: w.weatherId }, orderBy: [{ snapshotDate: "asc" }, { countryCode: "asc" }] });
    expect(rows.every((r) => r.store === "google_play" && r.ratingCount === null && r.ratingCountDelta === null)).toBe(true);
    expect(new Set(rows.map((r) => r.countryCode))).toEqual(new Set(["us", "de", "jp"]));
    expect(rows.filter((r) => r.countryCode === "us" && r.snapshotDate.toISOString().startsWith("2024-01-0")).map((r) => [r.averageRating?.toString(), r.dailyAverageRating?.toString() ?? null])).toEqual([
      ["4.25", "4"],
      ["4.25", null],
    ]);
    expect(rows.some((r) => r.dailyAverageRating === null && r.snapshotDate > new Date("2025-01-01"))).toBe(true);
    // One latest row per country, on its newest day.
    const latest = rows.filter((r) => r.isLatest);
    expect(latest).toHaveLength(3);
    const newest = rows.reduce((max, r) => (r.snapshotDate > max ? r.snapshotDate : max), new Date(0));
    expect(latest.every((r) => r.snapshotDate.getTime() === newest.getTime())).toBe(true);

    const app = await db.app.findUniqueOrThrow({ where: { id: w.weatherId } });
    const overview = await db.appWorldwideRating.findFirstOrThrow({ where: { appId: w.weatherId }, orderBy: { snapshotDate: "desc" } });
    expect(app.worldwideAverageRating?.toString()).toBe(overview.averageRating?.toString());
    expect(app).toMatchObject({ worldwideRatingCount: null, worldwideRatingCountDelta: null });
    expect(app.ratingsSyncedAt).not.toBeNull();
    expect(overview).toMatchObject({ ratingCount: null, countries: 3 });

    const grid = await appCountryRatings(await resolveAccess(w.caller, { appId: w.weatherId }, "reviews:read"));
    expect(grid.store).toBe("google_play");
    expect(grid.countries).toHaveLength(3);
    expect(grid.countries.every((c) => c.ratingCount === null && c.snapshotDate === newest.toISOString().slice(0, 10))).toBe(true);

    // The App Store app and its rows are as they were.
    expect(JSON.stringify(await db.appStoreRating.findMany({ where: { appId: apple.id } }), (_k, v) => (typeof v === "bigint" ? String(v) : v))).toBe(appleBefore);
    expect(await db.app.findUniqueOrThrow({ where: { id: apple.id } })).toMatchObject({ worldwideRatingCount: 10 });
  });

  it("a re-run skips the files it imported; a changed file moves the latest row", async () => {
    const first = await importPlayRatings(input());
    const again = await importPlayRatings(input());
    expect(again.counters).toMatchObject({ filesImported: 0, filesUnchanged: (first.counters as { files: number }).files, ratingRows: 0 });
    google.sim.setOptions({ seed: 43 });
    const changed = await importPlayRatings(input());
    expect((changed.counters as { filesImported: number }).filesImported).toBeGreaterThan(0);
    expect(await db.appStoreRating.count({ where: { appId: w.weatherId, isLatest: true } })).toBe(3);
  });

  it("tells the team when an app's Play Console average moved, once per run; an app's first import and an unchanged re-run tell nobody", async () => {
    const told = () => db.notification.findMany({ where: { userId: w.ownerId, type: "app.rating_changed" } });
    const average = async () => (await db.app.findUniqueOrThrow({ where: { id: w.weatherId } })).worldwideAverageRating?.toFixed(2);
    expect((await importPlayRatings(input())).counters).toMatchObject({ notifications: 0 });
    const before = await average();
    expect(await told()).toEqual([]);
    // Google rewrites the month's files with lower ratings in the United States.
    google.sim.scenario.ratings[WEATHER].countries.us = 2.4;
    // Inngest replays a step that failed after doing its work: the rollup's and the announcement's both run twice.
    const replayed: StepRunner = {
      run: async (id, fn) => {
        const out = await fn();
        if (id.endsWith("-after") || id.endsWith("-announce")) await fn();
        return out;
      },
      sleep: (id, ms) => inlineSteps.sleep(id, ms),
    };
    const moved = await importPlayRatings({ ...input(), steps: replayed });
    expect(moved).toMatchObject({ status: "succeeded", counters: { notifications: 1 } });
    const after = await average();
    expect(after).not.toBe(before);
    expect(await told()).toMatchObject([
      { title: `Weather: ★ ${before} → ${after} on Google Play`, body: expect.stringContaining("Google Play does not publish rating counts"), link: `/dashboard/projects/${w.projectId}?app=${w.weatherId}`, appId: w.weatherId, syncRunId: moved.runId },
    ]);
    expect((await importPlayRatings(input())).counters).toMatchObject({ filesImported: 0, notifications: 0 });
    expect(await told()).toHaveLength(1);
  });

  it("an app without exports gets no figure, and a 5xx that outlasts the retries names the app", async () => {
    google.sim.addFault({ endpoint: "storage.list", kind: "503", target: `ratings_${NOTES}_` });
    const result = await importPlayRatings(input());
    expect(result).toMatchObject({ status: "partial", counters: { appFailures: [{ app: "Notes", during: "ratings_export", status: "503" }] } });
    expect(result.error).toContain("Notes (reading its ratings exports): Cloud Storage 503");
    expect(await db.notification.findMany({ where: { userId: w.ownerId, type: "sync.failed" } })).toMatchObject([
      { title: expect.stringMatching(/^Google Play ratings import incomplete for /), body: expect.stringContaining("could not read Notes: "), syncRunId: result.runId },
    ]);
    expect(await db.app.findUniqueOrThrow({ where: { id: w.notesId } })).toMatchObject({ worldwideAverageRating: null });
  });
});

// The BUILT `starboard` CLI against a real HTTP server (the app/api/v1 route handlers), a real PostgreSQL and
// the Apple and Google simulators.
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { aroundAll, afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentKeyFor, createApiWorld, startApiSim, type ApiWorld } from "@/test/api/harness";
import { startApiServer, type RunningApi } from "@/test/api/http-server";
import { buildCli, runCli } from "@/test/api/run-cli";
import type { RunningAppleSim } from "@/tools/apple-sim";
import type { RunningGoogleSim } from "@/tools/google-sim";
import { db } from "@/lib/db";
import { useScratchDirs } from "@/test/scratch-dirs";
import { withConfig } from "@/lib/env";
import { appleSimConfig, googleSimConfig } from "@/test/config";
import { BUCKET, createSyncedPlayWorld, PLAY_ACCOUNT, PLAY_API_SCENARIO, startPlaySim, WEATHER, type PlayWorld } from "@/test/google-play-world";
import { settleBackgroundWork } from "@/lib/jobs/dispatch";

const scratchDir = useScratchDirs();

let apple: RunningAppleSim;
let google: RunningGoogleSim;
let api: RunningApi;
let w: ApiWorld;
let readKey: string;
let writeKey: string;
let home: string;

aroundAll(async (runSuite) => {
  apple = await startApiSim();
  google = await startPlaySim(PLAY_API_SCENARIO);
  await withConfig(appleSimConfig(apple), () => withConfig(googleSimConfig(google), runSuite));
});
beforeAll(async () => {
  await buildCli();
  api = await startApiServer();
  w = await createApiWorld();
  readKey = (await agentKeyFor(w.teamId, w.ownerCaller)).key;
  writeKey = (await agentKeyFor(w.teamId, w.ownerCaller, { permissions: ["reviews:read", "reviews:write", "integrations:read", "integrations:write"] })).key;
  home = await scratchDir("starboard-cli-");
}, 120_000);
afterAll(async () => {
  await settleBackgroundWork();
  await api?.stop();
  await apple?.stop();
  await google?.stop();
});

/** The CLI logged in (through env) with a key; XDG_CONFIG_HOME is a fresh folder. */
const as = (key: string) => (args: string[], stdin?: string) => runCli(args, { env: { STARBOARD_URL: api.url, STARBOARD_API_KEY: key, XDG_CONFIG_HOME: home }, stdin });
const json = (stdout: string) => JSON.parse(stdout);

describe("starboard login", () => {
  it("saves the server and key to a file only the user can read, and later commands use it", async () => {
    const config = await scratchDir("starboard-login-");
    const env = { XDG_CONFIG_HOME: config };
    const res = await runCli(["login", "--url", api.url, "--key", readKey, "--project-id", w.projectId], { env });
    expect(res.code, res.stderr).toBe(0);
    const file = path.join(config, "starboard", "config.json");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ url: api.url, apiKey: readKey, projectId: w.projectId });
    const apps = await runCli(["apps", "list", "--json"], { env });
    expect(apps.code, apps.stderr).toBe(0);
    expect(json(apps.stdout).apps.map((a: { name: string }) => a.name)).toEqual(["Weather", "Notes"]);
  });

  it("refuses a revoked or wrong key with the server's message and saves nothing", async () => {
    const config = await scratchDir("starboard-login-");
    const res = await runCli(["login", "--url", api.url, "--key", `${readKey.slice(0, -3)}xyz`, "--project-id", w.projectId], { env: { XDG_CONFIG_HOME: config } });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("HTTP 401");
    await expect(stat(path.join(config, "starboard", "config.json"))).rejects.toThrow();
  });

  it("without a login, commands explain how to log in (exit 2)", async () => {
    const res = await runCli(["reviews", "list"], { env: { XDG_CONFIG_HOME: await scratchDir("sb-") } });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("starboard login");
  });
});

describe("ratings", () => {
  it("sync shows progress while the run goes, then the counters; list and by-country show the result", async () => {
    const sync = await as(writeKey)(["ratings", "sync", "--project-id", w.projectId]);
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stderr).toMatch(/Ratings sync: (queued|running)/);
    expect(sync.stderr).toMatch(/Ratings sync: succeeded/);
    expect(sync.stdout).toMatch(/^Ratings sync succeeded \(run [0-9a-f-]{36}\)/);

    const list = await as(readKey)(["ratings", "list", w.weatherId]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/US\s+4\.50\s+120/);
    expect(list.stdout).toMatch(/GB\s+4\.10\s+30/);
    const listJson = json((await as(readKey)(["ratings", "list", w.weatherId, "--json"])).stdout);
    expect(listJson.countries.map((c: { countryCode: string }) => c.countryCode)).toEqual(["us", "gb"]);

    const byCountry = json((await as(readKey)(["ratings", "by-country", "--project-id", w.projectId, "--json"])).stdout);
    expect(byCountry.countries.map((c: { countryCode: string }) => c.countryCode).sort()).toEqual(["de", "gb", "us"]);

    const runId = /run ([0-9a-f-]{36})/.exec(sync.stdout)![1];
    const run = json((await as(readKey)(["runs", "show", runId, "--json"])).stdout);
    expect(run).toMatchObject({ id: runId, kind: "app_store_ratings_sync", status: "succeeded" });
  });

  it("a key without integrations:write cannot sync: exit 1 with the server's reason", async () => {
    const res = await as(readKey)(["ratings", "sync", "--project-id", w.projectId]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('lacks the "integrations:write" permission');
  });
});

describe("reviews", () => {
  it("list filters and prints a table, or JSON", async () => {
    const table = await as(readKey)(["reviews", "list", "--rating", "1"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("Crash — Crashes on launch");
    expect(table.stdout).not.toContain("Okay notes");
    const page = json((await as(readKey)(["reviews", "list", "--project-id", w.projectId, "--response", "no", "--json"])).stdout);
    expect(page.items.map((r: { externalId: string }) => r.externalId)).toEqual(["r-crash", "r-notes"]);
    const bad = await as(readKey)(["reviews", "list", "--rating", "9"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Rating is 1–5");
  });

  it("list --sort orders by rating or date and --from/--to keep to a range of days; a backwards range is refused with why", async () => {
    const lowest = json((await as(readKey)(["reviews", "list", "--project-id", w.projectId, "--sort", "lowest", "--json"])).stdout);
    const ratings = lowest.items.map((r: { rating: number }) => r.rating);
    expect(ratings.length).toBeGreaterThan(1);
    expect(ratings).toEqual([...ratings].sort((a: number, b: number) => a - b));
    const oldest = json((await as(readKey)(["reviews", "list", "--project-id", w.projectId, "--sort", "oldest", "--json"])).stdout);
    const dates = oldest.items.map((r: { createdAt: string }) => r.createdAt);
    expect(dates).toEqual([...dates].sort());
    const day = dates[0].slice(0, 10);
    const inDay = json((await as(readKey)(["reviews", "list", "--project-id", w.projectId, "--from", day, "--to", day, "--json"])).stdout);
    expect(inDay.items.length).toBeGreaterThan(0);
    expect(inDay.items.every((r: { createdAt: string }) => r.createdAt.startsWith(day))).toBe(true);
    const backwards = await as(readKey)(["reviews", "list", "--from", "2026-02-01", "--to", "2026-01-01"]);
    expect(backwards.code).toBe(1);
    expect(backwards.stderr).toContain("The range ends (2026-01-01) before it starts (2026-02-01).");
  });

  it("list --language shows the reviews in that language, with the language and the number of matches", async () => {
    const table = await as(readKey)(["reviews", "list", "--language", "en"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("Crash — Crashes on launch");
    expect(table.stdout).toMatch(/\bLANG\b/);
    expect(table.stdout).toMatch(/\d+ reviews? match/);
    const page = json((await as(readKey)(["reviews", "list", "--language", "en", "--json"])).stdout);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((r: { language: string }) => r.language === "en")).toBe(true);
  });

  it("view shows the review and its reply", async () => {
    const res = await as(readKey)(["reviews", "view", w.reviews.love]);
    expect(res.stdout).toContain("Love the radar");
    expect(res.stdout).toContain("Thank you!");
  });

  it("respond: refused for a read-only key (nothing sent to Apple); with reviews:write from an argument, a file and stdin", async () => {
    const calls = apple.sim.counters.byEndpoint["asc.response.create"] ?? 0;
    const refused = await as(readKey)(["reviews", "respond", w.reviews.crash, "Sorry!"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("HTTP 403");
    expect(apple.sim.counters.byEndpoint["asc.response.create"] ?? 0).toBe(calls);

    const fromArg = await as(writeKey)(["reviews", "respond", w.reviews.crash, "Sorry,", "fixed", "in", "2.1", "--json"]);
    expect(fromArg.code, fromArg.stderr).toBe(0);
    expect(json(fromArg.stdout).review.reply.body).toBe("Sorry, fixed in 2.1");

    const file = path.join(home, "reply.txt");
    await writeFile(file, "From a file.\n");
    expect((await as(writeKey)(["reviews", "respond", w.reviews.notes, "--file", file])).code).toBe(0);
    expect((await db.appStoreReview.findUniqueOrThrow({ where: { id: w.reviews.notes } })).developerResponse).toBe("From a file.");

    const piped = await as(writeKey)(["reviews", "respond", w.reviews.notes], "From stdin, edited.\n");
    expect(piped.stdout).toContain("Reply sent");
    const row = await db.appStoreReview.findUniqueOrThrow({ where: { id: w.reviews.notes } });
    expect(row).toMatchObject({ developerResponse: "From stdin, edited.", respondedByUserId: null });

    const empty = await as(writeKey)(["reviews", "respond", w.reviews.notes], "   ");
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain("Write a reply.");
  });

  it("delete-response refuses without --yes (no request at all), deletes with it", async () => {
    const before = api.requests.length;
    const refused = await as(writeKey)(["reviews", "delete-response", w.reviews.love]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("irrecoverably");
    expect(api.requests.length).toBe(before);
    expect((await db.appStoreReview.findUniqueOrThrow({ where: { id: w.reviews.love } })).developerResponse).toBe("Thank you!");

    const deleted = await as(writeKey)(["reviews", "delete-response", w.reviews.love, "--yes", "--json"]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(json(deleted.stdout).review.reply).toBeNull();
    expect((await db.appStoreReview.findUniqueOrThrow({ where: { id: w.reviews.love } })).developerResponse).toBeNull();
  });
});

describe("integrations", () => {
  it("sync app-store-connect follows the reviews run to the end", async () => {
    const res = await as(writeKey)(["integrations", "sync", "app-store-connect", "--project-id", w.projectId]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/Reviews sync succeeded/);
    const status = json((await as(writeKey)(["integrations", "status", "app-store-connect", "--project-id", w.projectId, "--json"])).stdout);
    expect(status.latestRun).toMatchObject({ status: "succeeded" });
  });

  it("copy app-store-connect --from --to copies the key and tests it", async () => {
    const res = await as(writeKey)(["integrations", "copy", "app-store-connect", "--from", w.projectId, "--to", w.otherProjectId, "--json"]);
    expect(res.code, res.stderr).toBe(0);
    expect(json(res.stdout)).toMatchObject({ integration: { projectId: w.otherProjectId, keyId: "TEAMKEY001" }, test: { ok: true } });
    const missing = await as(writeKey)(["integrations", "copy", "app-store-connect", "--from", w.projectId]);
    expect(missing.code).toBe(2);
  });
});

describe("Google Play", () => {
  // A team of its own, whose Android apps' reviews and ratings came from the Google simulator.
  let play: PlayWorld;
  let playRead: string;
  let playWrite: string;
  const playReview = async (externalId: string) => (await db.appStoreReview.findFirstOrThrow({ where: { projectId: play.projectId, externalId } })).id;
  beforeAll(async () => {
    play = await createSyncedPlayWorld(google);
    playRead = (await agentKeyFor(play.teamId, play.caller)).key;
    playWrite = (await agentKeyFor(play.teamId, play.caller, { permissions: ["reviews:read", "reviews:write", "integrations:read", "integrations:write"] })).key;
  });

  it("reviews list --store google_play shows the Play reviews with their store; view names it", async () => {
    const table = await as(playRead)(["reviews", "list", "--store", "google_play"]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/\bSTORE\b/);
    expect(table.stdout).toMatch(/Play\s+—\s+.*Crashes on start/);
    expect(table.stdout).toContain("2 reviews match.");
    const page = json((await as(playRead)(["reviews", "list", "--store", "google_play", "--json"])).stdout);
    expect(page.items.map((r: { externalId: string; store: string }) => [r.externalId, r.store])).toEqual([
      ["gp:crash", "google_play"],
      ["gp:thanks", "google_play"],
    ]);
    expect(json((await as(playRead)(["reviews", "list", "--store", "app_store", "--json"])).stdout).items).toEqual([]);
    const bad = await as(playRead)(["reviews", "list", "--store", "play"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Store is app_store or google_play.");
    const view = await as(playRead)(["reviews", "view", await playReview("gp:thanks")]);
    expect(view.stdout).toContain("Weather · Google Play · — · Ben");
    expect(view.stdout).toContain("Thank you!");
  });

  it("respond sends the reply to Google Play within its 350 characters; delete-response says Play has none", async () => {
    const id = await playReview("gp:crash");
    const long = await as(playWrite)(["reviews", "respond", id, "x".repeat(351)]);
    expect(long.code).toBe(1);
    expect(long.stderr).toContain("Google Play accepts at most 350 characters (this reply has 351).");
    expect(google.sim.findReview(WEATHER, "gp:crash")?.reply ?? null).toBeNull();
    const sent = await as(playWrite)(["reviews", "respond", id, "Sorry!", "Fixed", "in", "4.3."]);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toBe(`Reply published on Google Play on review ${id}.\n`);
    expect(google.sim.findReview(WEATHER, "gp:crash")?.reply?.text).toBe("Sorry! Fixed in 4.3.");
    const deleted = await as(playWrite)(["reviews", "delete-response", id, "--yes"]);
    expect(deleted.code).toBe(1);
    expect(deleted.stderr).toContain("Google Play has no way to delete a reply: reply again to replace it.");
    expect(google.sim.findReview(WEATHER, "gp:crash")?.reply?.text).toBe("Sorry! Fixed in 4.3.");
  });

  it("integrations status, test, sync and copy google-play", async () => {
    const status = await as(playWrite)(["integrations", "status", "google-play", "--project-id", play.projectId]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain(`Google Play: enabled · service account ${PLAY_ACCOUNT.clientEmail} · bucket ${BUCKET}`);
    expect(status.stdout).toMatch(/\nLast ratings import: succeeded\b.* on \d{4}-\d{2}-\d{2} .*ratingRows=\d+/);

    const tested = await as(playWrite)(["integrations", "test", "google-play", "--project-id", play.projectId]);
    expect(tested.code, tested.stderr).toBe(0);
    expect(tested.stdout).toContain(`✓ Weather (${WEATHER})`);
    google.sim.updateAccount(PLAY_ACCOUNT.clientEmail, { bucketAccess: false });
    try {
      const refused = await as(playWrite)(["integrations", "test", "google-play", "--project-id", play.projectId]);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(new RegExp(`✗ bucket ${BUCKET}: 403 forbidden .*— The service account cannot read the reports bucket`));
    } finally {
      google.sim.updateAccount(PLAY_ACCOUNT.clientEmail, { bucketAccess: true });
    }

    const synced = await as(playWrite)(["integrations", "sync", "google-play", "--project-id", play.projectId]);
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stdout).toMatch(/^Google Play reviews sync succeeded \(run [0-9a-f-]{36}\)/);

    const second = await db.project.create({ data: { teamId: play.teamId, name: "Second" } });
    const copied = await as(playWrite)(["integrations", "copy", "play", "--from", play.projectId, "--to", second.id]);
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stdout).toBe(`Copied the Google Play connection (${PLAY_ACCOUNT.clientEmail}) into project ${second.id}. Connection test: ok. 3 import(s) started.\n`);
    expect(await db.googlePlayConnection.count({ where: { projectId: second.id } })).toBe(1);
    expect((await as(playWrite)(["integrations", "sync", "google-pay", "--project-id", play.projectId])).code).toBe(2);
  });

  it("ratings list of an Android app: Play Console averages per country, and no counts", async () => {
    const res = await as(playRead)(["ratings", "list", play.weatherId]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^COUNTRY\s+★ PLAY CONSOLE\s+★ THAT DAY\s+AS OF/);
    expect(res.stdout).toMatch(/\nCU\s+4\.\d\d\s+\d\.\d\d\s+\d{4}-\d{2}-\d{2}\n/);
    expect(res.stdout).toContain("Google Play does not publish rating counts");
    const data = json((await as(playRead)(["ratings", "list", play.weatherId, "--json"])).stdout);
    expect(data).toMatchObject({ store: "google_play" });
    expect(data.countries.map((c: { countryCode: string; ratingCount: null }) => [c.countryCode, c.ratingCount])).toEqual([
      ["cu", null],
      ["us", null],
      ["de", null],
    ]);
  });
});

it("unknown commands and flags are usage errors (exit 2)", async () => {
  expect((await as(readKey)(["reviews", "frobnicate"])).code).toBe(2);
  const flag = await as(readKey)(["reviews", "list", "--colour", "red"]);
  expect(flag.code).toBe(2);
  expect(flag.stderr).toContain("Usage: starboard reviews list");
});

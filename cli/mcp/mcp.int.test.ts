// The built MCP server (`starboard mcp`, stdio) driven by the SDK's client, against the route handlers over
// HTTP and the Apple and Google simulators.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { aroundAll, afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentKeyFor, createApiWorld, startApiSim, type ApiWorld } from "@/test/api/harness";
import { startApiServer, type RunningApi } from "@/test/api/http-server";
import { buildCli, CLI } from "@/test/api/run-cli";
import type { RunningAppleSim } from "@/tools/apple-sim";
import type { RunningGoogleSim } from "@/tools/google-sim";
import { db } from "@/lib/db";
import { settleBackgroundWork } from "@/lib/jobs/dispatch";
import { DELETE_WARNING } from "./tools";
import { withConfig } from "@/lib/env";
import { appleSimConfig, googleSimConfig } from "@/test/config";
import { createSyncedPlayWorld, PLAY_API_SCENARIO, startPlaySim, WEATHER, type PlayWorld } from "@/test/google-play-world";

let apple: RunningAppleSim;
let google: RunningGoogleSim;
let api: RunningApi;
let w: ApiWorld;
let client: Client;
let readOnly: Client;

async function connect(key: string) {
  const c = new Client({ name: "starboard-test", version: "1.0.0" });
  await c.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [CLI, "mcp"],
      env: { PATH: process.env.PATH ?? "", STARBOARD_URL: api.url, STARBOARD_API_KEY: key, STARBOARD_POLL_MS: "100", XDG_CONFIG_HOME: "/nonexistent" },
      stderr: "pipe",
    }),
  );
  return c;
}

aroundAll(async (runSuite) => {
  apple = await startApiSim();
  google = await startPlaySim(PLAY_API_SCENARIO);
  await withConfig(appleSimConfig(apple), () => withConfig(googleSimConfig(google), runSuite));
});
beforeAll(async () => {
  await buildCli();
  api = await startApiServer();
  w = await createApiWorld();
  const all = await agentKeyFor(w.teamId, w.ownerCaller, { permissions: ["reviews:read", "reviews:write", "integrations:read", "integrations:write"] });
  client = await connect(all.key);
  readOnly = await connect((await agentKeyFor(w.teamId, w.ownerCaller)).key);
}, 120_000);
afterAll(async () => {
  await settleBackgroundWork();
  await client?.close();
  await readOnly?.close();
  await api?.stop();
  await apple?.stop();
  await google?.stop();
});

type ToolResult = { isError?: boolean; content: { type: string; text: string }[] };
const call = async (c: Client, name: string, args: Record<string, unknown>) => (await c.callTool({ name, arguments: args })) as ToolResult;
const data = (r: ToolResult) => {
  if (r.isError) throw new Error(r.content[0]?.text);
  return JSON.parse(r.content[0].text);
};

describe("starboard MCP server", () => {
  it("lists the tools with input schemas; the delete tool starts with the irrecoverable warning", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      ["copy-integration", "delete-review-response", "get-review", "get-sync-run", "list-app-ratings", "list-ratings-by-country", "list-reviews", "respond-to-review", "sync-app-ratings", "sync-integration"].sort(),
    );
    const del = tools.find((t) => t.name === "delete-review-response")!;
    expect(del.description!.startsWith("WARNING: this removes the public developer reply from the App Store irrecoverably")).toBe(true);
    expect(del.description!.startsWith(DELETE_WARNING)).toBe(true);
    expect(del.annotations).toMatchObject({ destructiveHint: true });
    const respond = tools.find((t) => t.name === "respond-to-review")!;
    expect(respond.inputSchema).toMatchObject({ type: "object", properties: { reviewId: { type: "string" }, body: { type: "string" } }, required: expect.arrayContaining(["reviewId", "body"]) });
    const list = tools.find((t) => t.name === "list-reviews")!;
    expect(Object.keys(list.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(["project", "rating", "country", "language", "response", "q", "cursor", "limit"]));
  });

  it("sync-app-ratings waits for the run; list-app-ratings and list-ratings-by-country read the result", async () => {
    const sync = data(await call(client, "sync-app-ratings", { projectId: w.projectId }));
    expect(sync.run).toMatchObject({ kind: "app_store_ratings_sync", status: "succeeded" });
    const run = data(await call(client, "get-sync-run", { runId: sync.runId }));
    expect(run.status).toBe("succeeded");
    const apps = data(await call(client, "list-app-ratings", { projectId: w.projectId }));
    expect(apps.apps.find((a: { name: string }) => a.name === "Weather")).toMatchObject({ worldwideRatingCount: 150 });
    const one = data(await call(client, "list-ratings-by-country", { appId: w.weatherId }));
    expect(one.countries.map((c: { countryCode: string }) => c.countryCode)).toEqual(["us", "gb"]);
    const project = data(await call(client, "list-ratings-by-country", { projectId: w.projectId }));
    expect(project.countries).toHaveLength(3);
    const neither = await call(client, "list-ratings-by-country", {});
    expect(neither.isError).toBe(true);
  });

  it("list-reviews filters, get-review reads one", async () => {
    const page = data(await call(client, "list-reviews", { rating: "5" }));
    expect(page.items.map((r: { externalId: string }) => r.externalId)).toEqual(["r-love"]);
    const one = data(await call(client, "get-review", { reviewId: w.reviews.crash }));
    expect(one.review.body).toBe("Crashes on launch");
    const bad = await call(client, "list-reviews", { rating: "9" });
    expect(bad.isError).toBe(true);
    const english = data(await call(client, "list-reviews", { language: "en", q: "crash" }));
    expect(english.items.map((r: { externalId: string; language: string }) => [r.externalId, r.language])).toEqual([["r-crash", "en"]]);
    expect(english.total).toEqual({ count: 1, capped: false });
  });

  it("respond-to-review publishes; a read-only key gets the server's refusal and nothing is sent to Apple", async () => {
    const before = apple.sim.counters.byEndpoint["asc.response.create"] ?? 0;
    const refused = await call(readOnly, "respond-to-review", { reviewId: w.reviews.crash, body: "Hi" });
    expect(refused.isError).toBe(true);
    expect(refused.content[0].text).toContain('lacks the "reviews:write" permission');
    expect(apple.sim.counters.byEndpoint["asc.response.create"] ?? 0).toBe(before);

    const ok = data(await call(client, "respond-to-review", { reviewId: w.reviews.crash, body: "Fixed in 2.1, sorry!" }));
    expect(ok.review.reply.body).toBe("Fixed in 2.1, sorry!");
    const row = await db.appStoreReview.findUniqueOrThrow({ where: { id: w.reviews.crash } });
    expect(row).toMatchObject({ developerResponse: "Fixed in 2.1, sorry!", respondedByUserId: null });
  });

  it("delete-review-response removes the reply", async () => {
    const res = data(await call(client, "delete-review-response", { reviewId: w.reviews.love }));
    expect(res.review.reply).toBeNull();
    expect((await db.appStoreReview.findUniqueOrThrow({ where: { id: w.reviews.love } })).developerResponseId).toBeNull();
  });

  it("sync-integration runs the reviews sync; copy-integration copies the key to another project", async () => {
    const sync = data(await call(client, "sync-integration", { projectId: w.projectId }));
    expect(sync.run).toMatchObject({ kind: "app_store_connect_reviews_sync", status: "succeeded" });
    const copied = data(await call(client, "copy-integration", { projectId: w.otherProjectId, fromProjectId: w.projectId }));
    expect(copied).toMatchObject({ integration: { projectId: w.otherProjectId }, test: { ok: true } });
  });
});

describe("starboard MCP server with Google Play", () => {
  // A team of its own, whose Android apps' reviews and ratings came from the Google simulator.
  let play: PlayWorld;
  let playClient: Client;
  const playReview = async (externalId: string) => (await db.appStoreReview.findFirstOrThrow({ where: { projectId: play.projectId, externalId } })).id;
  beforeAll(async () => {
    play = await createSyncedPlayWorld(google);
    playClient = await connect((await agentKeyFor(play.teamId, play.caller, { permissions: ["reviews:read", "reviews:write", "integrations:read", "integrations:write"] })).key);
  }, 60_000);
  afterAll(async () => {
    await playClient?.close();
  });

  it("the tools say how Google Play differs: the store filter, Play's 350 characters, no delete, no counts", async () => {
    const { tools } = await playClient.listTools();
    const described = (name: string) => tools.find((t) => t.name === name)?.description ?? "";
    expect(Object.keys(tools.find((t) => t.name === "list-reviews")?.inputSchema.properties ?? {})).toContain("store");
    expect(described("list-reviews")).toContain("store (app_store|google_play)");
    expect(described("respond-to-review")).toContain("Google Play (at most 350 characters)");
    expect(described("delete-review-response")).toContain("Google Play has no delete");
    expect(described("list-ratings-by-country")).toContain("Google Play does not publish rating counts");
  });

  it("list-reviews filters by store; each review carries its store", async () => {
    const page = data(await call(playClient, "list-reviews", { store: "google_play" }));
    expect(page.items.map((r: { externalId: string; store: string }) => [r.externalId, r.store])).toEqual([
      ["gp:crash", "google_play"],
      ["gp:thanks", "google_play"],
    ]);
    expect(data(await call(playClient, "list-reviews", { store: "app_store" })).items).toEqual([]);
    const bad = await call(playClient, "list-reviews", { store: "itunes" });
    expect(bad.isError).toBe(true);
  });

  it("respond-to-review replies on Google Play, refusing more than 350 characters before Google is asked; delete-review-response is refused", async () => {
    const id = await playReview("gp:crash");
    const long = await call(playClient, "respond-to-review", { reviewId: id, body: "x".repeat(351) });
    expect(long.isError).toBe(true);
    expect(long.content[0].text).toContain("Google Play accepts at most 350 characters (this reply has 351).");
    expect(google.sim.findReview(WEATHER, "gp:crash")?.reply ?? null).toBeNull();
    const ok = data(await call(playClient, "respond-to-review", { reviewId: id, body: "Sorry! Fixed in 4.3." }));
    expect(ok.review).toMatchObject({ store: "google_play", reply: { body: "Sorry! Fixed in 4.3.", state: "PUBLISHED" } });
    expect(google.sim.findReview(WEATHER, "gp:crash")?.reply?.text).toBe("Sorry! Fixed in 4.3.");
    const deleted = await call(playClient, "delete-review-response", { reviewId: id });
    expect(deleted.isError).toBe(true);
    expect(deleted.content[0].text).toContain("Google Play has no way to delete a reply");
    expect((await db.appStoreReview.findUniqueOrThrow({ where: { id } })).developerResponse).toBe("Sorry! Fixed in 4.3.");
  });

  it("list-app-ratings and list-ratings-by-country give an Android app's Play Console averages, with no counts", async () => {
    const apps = data(await call(playClient, "list-app-ratings", { projectId: play.projectId }));
    expect(apps.apps.find((a: { id: string }) => a.id === play.weatherId)).toMatchObject({ platform: "android", worldwideAverageRating: expect.any(Number), worldwideRatingCount: null });
    const countries = data(await call(playClient, "list-ratings-by-country", { appId: play.weatherId }));
    expect(countries.store).toBe("google_play");
    expect(countries.countries.map((c: { countryCode: string; ratingCount: number | null }) => [c.countryCode, c.ratingCount])).toEqual([
      ["cu", null],
      ["us", null],
      ["de", null],
    ]);
  });

  it("sync-integration and copy-integration with provider google-play", async () => {
    const sync = data(await call(playClient, "sync-integration", { projectId: play.projectId, provider: "google-play" }));
    expect(sync.run).toMatchObject({ kind: "google_play_reviews_sync", status: "succeeded" });
    const second = await db.project.create({ data: { teamId: play.teamId, name: "Second" } });
    const copied = data(await call(playClient, "copy-integration", { projectId: second.id, fromProjectId: play.projectId, provider: "google-play" }));
    expect(copied).toMatchObject({ connection: { projectId: second.id }, test: { ok: true } });
    const unknown = await call(playClient, "sync-integration", { projectId: play.projectId, provider: "play-store" });
    expect(unknown.isError).toBe(true);
  });
});

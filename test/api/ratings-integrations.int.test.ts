// /api/v1 apps, ratings sync + run status, App Store Connect integration status/test/sync/copy, the rate limit
// and the OpenAPI document route, against the Apple simulator.
import { NextRequest } from "next/server";
import { aroundAll, afterAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningAppleSim } from "@/tools/apple-sim";
import { appListSchema } from "@/lib/api/v1/schemas/apps";
import { integrationStatusSchema } from "@/lib/api/v1/schemas/integrations";
import { syncRunSchema } from "@/lib/api/v1/schemas/runs";
import { AGENT_KEY_PERMISSIONS } from "@/lib/data/agent-keys";
import { db } from "@/lib/db";
import { settleBackgroundWork } from "@/lib/jobs/dispatch";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as apps from "@/app/api/v1/projects/[projectId]/apps/route";
import * as asc from "@/app/api/v1/projects/[projectId]/integrations/app-store-connect/route";
import * as ascCopy from "@/app/api/v1/projects/[projectId]/integrations/app-store-connect/copy/route";
import * as ascSync from "@/app/api/v1/projects/[projectId]/integrations/app-store-connect/sync/route";
import * as ascTest from "@/app/api/v1/projects/[projectId]/integrations/app-store-connect/test/route";
import * as ratingsSync from "@/app/api/v1/projects/[projectId]/ratings/sync/route";
import * as appRatings from "@/app/api/v1/apps/[appId]/ratings/route";
import * as appHistory from "@/app/api/v1/apps/[appId]/ratings/history/route";
import * as byCountry from "@/app/api/v1/projects/[projectId]/ratings/by-country/route";
import * as run from "@/app/api/v1/runs/[runId]/route";
import * as reviewsRoute from "@/app/api/v1/reviews/route";
import { agentKeyFor, callRoute, createApiWorld, startApiSim, type ApiWorld } from "./harness";
import { withConfig } from "@/lib/env";
import { appleSimConfig } from "@/test/config";

let apple: RunningAppleSim;
let w: ApiWorld;
let key: string;

aroundAll(async (runSuite) => {
  apple = await startApiSim();
  await withConfig(appleSimConfig(apple), runSuite);
});
afterAll(() => apple.stop());
beforeEach(async () => {
  apple.sim.reset();
  w = await createApiWorld();
  key = (await agentKeyFor(w.teamId, w.ownerCaller, { permissions: [...AGENT_KEY_PERMISSIONS] })).key;
});

const params = (projectId = w.projectId) => ({ params: { projectId } });

describe("ratings", () => {
  it("sync → 202 with a run id; the run succeeds and the apps show the worldwide rollup", async () => {
    const started = await callRoute(ratingsSync.POST, "", { method: "POST", key, ...params() });
    expect(started.status).toBe(202);
    expect(started.json).toMatchObject({ runId: expect.any(String), alreadyRunning: false });
    await settleBackgroundWork();
    const status = await callRoute(run.GET, "", { key, params: { runId: started.json.runId } });
    expect(syncRunSchema.parse(status.json)).toMatchObject({ kind: "app_store_ratings_sync", status: "succeeded", projectId: w.projectId });
    const list = await callRoute(apps.GET, "", { key, ...params() });
    const byName = Object.fromEntries(appListSchema.parse(list.json).apps.map((a) => [a.name, a]));
    expect(byName.Weather).toMatchObject({ worldwideRatingCount: 150, appStoreId: "1001" });
    expect(byName.Notes).toMatchObject({ worldwideRatingCount: 40, worldwideAverageRating: 3.9 });

    const countries = await callRoute(appRatings.GET, "", { key, params: { appId: w.weatherId } });
    expect(countries.status).toBe(200);
    expect(countries.json.countries.map((c: { countryCode: string; ratingCount: number }) => [c.countryCode, c.ratingCount])).toEqual([["us", 120], ["gb", 30]]);
    const project = await callRoute(byCountry.GET, "", { key, ...params() });
    expect(project.json.apps).toBe(2);
    expect(project.json.countries.map((c: { countryCode: string }) => c.countryCode).sort()).toEqual(["de", "gb", "us"]);
    const history = await callRoute(appHistory.GET, "", { key, params: { appId: w.weatherId }, query: { days: "30" } });
    expect(history.json).toMatchObject({ country: null, days: 30, points: [{ ratingCount: 150 }] });
    const us = await callRoute(appHistory.GET, "", { key, params: { appId: w.weatherId }, query: { country: "US", days: "365" } });
    expect(us.json).toMatchObject({ country: "us", points: [{ ratingCount: 120, averageRating: 4.5 }] });
  });

  it("sync refuses a project without Apple apps, like the dashboard", async () => {
    const res = await callRoute(ratingsSync.POST, "", { method: "POST", key, ...params(w.otherProjectId) });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/Add an Apple app/);
  });

  it("a second request while a run is queued returns that run", async () => {
    const first = await callRoute(ratingsSync.POST, "", { method: "POST", key, ...params() });
    const second = await callRoute(ratingsSync.POST, "", { method: "POST", key, ...params() });
    await settleBackgroundWork();
    expect(second.json.runId).toBe(first.json.runId);
    expect(second.json.alreadyRunning).toBe(true);
  });

  it("a run of another team is not found", async () => {
    const foreign = await createApiWorld();
    const r = await db.syncRun.create({ data: { kind: "app_store_ratings_sync", scope: "project", trigger: "manual", teamId: foreign.teamId, projectId: foreign.projectId, status: "queued" } });
    const res = await callRoute(run.GET, "", { key, params: { runId: r.id } });
    expect(res.status).toBe(404);
  });
});

describe("App Store Connect integration", () => {
  it("status shows the key id and never the private key", async () => {
    const res = await callRoute(asc.GET, "", { key, ...params() });
    expect(res.status).toBe(200);
    expect(integrationStatusSchema.parse(res.json).integration).toMatchObject({ keyId: "TEAMKEY001", keyType: "team", enabled: true });
    expect(JSON.stringify(res.json)).not.toMatch(/PRIVATE KEY|privateKey|ciphertext/i);
  });

  it("test lists the apps the key sees", async () => {
    const res = await callRoute(ascTest.POST, "", { method: "POST", key, ...params() });
    expect(res.json).toMatchObject({ ok: true, error: null });
    expect(res.json.coverage.every((c: { covered: boolean }) => c.covered)).toBe(true);
  });

  it("sync starts a reviews run that succeeds", async () => {
    const res = await callRoute(ascSync.POST, "", { method: "POST", key, ...params() });
    expect(res.status).toBe(202);
    await settleBackgroundWork();
    const status = await callRoute(run.GET, "", { key, params: { runId: res.json.runId } });
    expect(status.json).toMatchObject({ kind: "app_store_connect_reviews_sync", status: "succeeded", trigger: "api" });
  });

  it("sync without an integration is a 409 with the dashboard's message", async () => {
    const res = await callRoute(ascSync.POST, "", { method: "POST", key, ...params(w.otherProjectId) });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/Set up App Store Connect/);
  });

  it("copy brings the key into another project of the team and tests it", async () => {
    const res = await callRoute(ascCopy.POST, "", { method: "POST", key, ...params(w.otherProjectId), body: { fromProjectId: w.projectId } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ integration: { projectId: w.otherProjectId, keyId: "TEAMKEY001" }, test: { ok: true } });
    const audit = await db.auditLog.findFirst({ where: { projectId: w.otherProjectId, action: "integration.copied" } });
    expect(audit?.actorApiKeyId).not.toBeNull();
  });

  it("copy from a project without an integration is not found", async () => {
    const res = await callRoute(ascCopy.POST, "", { method: "POST", key, ...params(w.projectId), body: { fromProjectId: w.otherProjectId } });
    expect(res.status).toBe(404);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a key used its requests of the minute, other keys unaffected", async () => {
    await withConfig({ env: { STARBOARD_API_RATE_LIMIT: "3" } }, async () => {
      for (let i = 0; i < 3; i++) expect((await callRoute(apps.GET, "", { key, ...params() })).status).toBe(200);
      const limited = await callRoute(apps.GET, "", { key, ...params() });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(limited.json.error).toMatchObject({ code: "rate_limited", message: expect.stringContaining("3 requests") });
      const other = await agentKeyFor(w.teamId, w.ownerCaller);
      expect((await callRoute(apps.GET, "", { key: other.key, ...params() })).status).toBe(200);
    });
  });
});

describe("as Next calls them", () => {
  it("a route without dynamic segments gets no params object and still works", async () => {
    const res = await reviewsRoute.GET(new NextRequest("http://starboard.test/api/v1/reviews?rating=1", { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve(undefined as never) });
    expect(res.status).toBe(200);
    expect((await res.json()).items).toHaveLength(1);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("serves the document without credentials, with this server as its server URL", async () => {
    const res = await callRoute(openapi.GET as never, "/openapi.json");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ openapi: "3.1.0", servers: [{ url: "http://starboard.test" }] });
  });
});

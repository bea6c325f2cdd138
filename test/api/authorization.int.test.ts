// For every /api/v1 endpoint: invalid input → 400, a key without the permission the endpoint declares → 403, a key
// scoped to another project or of another team → 404, a revoked key → 401; and nothing changed, nothing sent to Apple.
// The list of routes and their permissions is the endpoint list itself (test/api/routes.ts).
import { aroundAll, afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningAppleSim } from "@/tools/apple-sim";
import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { SELF } from "@/lib/auth/permissions";
import { AGENT_KEY_PERMISSIONS } from "@/lib/data/agent-keys";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { getReview } from "@/lib/operations/reviews";
import { savePlayConnection } from "@/lib/data/google-play/connections";
import { createSyncRun } from "@/lib/sync/runs";
import { generateServiceAccount } from "@/tools/google-sim";
import { createOwner } from "@/test/fixtures";
import { agentKeyFor, apiSnapshot, callRoute, createApiWorld, startApiSim } from "./harness";
import { ROUTE_CASES, type RouteWorld } from "./routes";
import * as ascCopy from "@/app/api/v1/projects/[projectId]/integrations/app-store-connect/copy/route";
import * as playCopy from "@/app/api/v1/projects/[projectId]/integrations/google-play/copy/route";
import * as reviewsRoute from "@/app/api/v1/reviews/route";
import { withConfig } from "@/lib/env";
import { appleSimConfig } from "@/test/config";

let apple: RunningAppleSim;
let w: RouteWorld;
const keys = {} as Record<"all" | "otherProject" | "otherTeam" | "revoked", string>;

aroundAll(async (runSuite) => {
  apple = await startApiSim();
  await withConfig(appleSimConfig(apple), runSuite);
});
beforeAll(async () => {
  const world = await createApiWorld();
  const run = await createSyncRun({ kind: "app_store_ratings_sync", scope: "project", trigger: "manual", teamId: world.teamId, projectId: world.projectId, status: "succeeded" });
  // A Google Play connection to copy: a refused copy must be refused for the key's reach, not for a missing source.
  await savePlayConnection({ teamId: world.teamId, projectId: world.projectId }, { actorUserId: world.ownerCaller.userId, caller: world.ownerCaller }, { serviceAccountKey: generateServiceAccount("api@auth-play.iam.gserviceaccount.com").keyFile });
  w = { ...world, runId: run.id };
  const all = [...AGENT_KEY_PERMISSIONS];
  keys.all = (await agentKeyFor(w.teamId, w.ownerCaller, { permissions: all })).key;
  keys.otherProject = (await agentKeyFor(w.teamId, w.ownerCaller, { permissions: all, projectId: w.otherProjectId })).key;
  keys.revoked = (await agentKeyFor(w.teamId, w.ownerCaller, { permissions: all, revoked: true })).key;
  const stranger = await createOwner("stranger");
  keys.otherTeam = (await agentKeyFor(stranger.teamId, stranger.caller, { permissions: all })).key;
});
afterAll(() => apple.stop());

describe.each(ROUTE_CASES)("$name", (route) => {
  const expectRefused = async (key: string, options: ReturnType<typeof route.valid>, status: number, code: string) => {
    const before = await apiSnapshot(w.teamId, apple);
    const res = await callRoute(route.handler, route.path(w), { ...options, key });
    expect(res.status).toBe(status);
    expect(res.json).toMatchObject({ error: { code, message: expect.any(String) } });
    expect(await apiSnapshot(w.teamId, apple)).toBe(before);
    return res;
  };

  it("400 on invalid input, naming the field", async () => {
    const res = await expectRefused(keys.all, route.invalid(w), 400, "validation_failed");
    expect(Object.keys(res.json.error.fieldErrors ?? {})).not.toHaveLength(0);
  });

  const permission = route.endpoint.permission;
  if (permission === SELF) {
    it("403 for any agent key, even one with every permission: it is a signed-in person's own", async () => {
      await expectRefused(keys.all, route.valid(w), 403, "forbidden");
    });
  } else {
    it(`403 for a key without "${permission}", the permission the endpoint declares`, async () => {
      const others = AGENT_KEY_PERMISSIONS.filter((p) => p !== permission);
      const { key } = await agentKeyFor(w.teamId, w.ownerCaller, { permissions: others });
      const res = await expectRefused(key, route.valid(w), 403, "forbidden");
      expect(res.json.error.message).toContain(permission);
    });

    it("404 for a key scoped to another project of the team", async () => {
      const options = route.valid(w);
      // The copy route targets the other project: aim the scoped key's refusal at the wired project instead.
      const copies = ["copyAppStoreConnectIntegration", "copyGooglePlayIntegration"].includes(route.endpoint.operationId);
      const aimed = copies ? { ...options, params: { projectId: w.projectId }, body: { fromProjectId: w.otherProjectId } } : options;
      await expectRefused(keys.otherProject, aimed, 404, "not_found");
    });

    it("404 for a key of another team", async () => {
      await expectRefused(keys.otherTeam, route.valid(w), 404, "not_found");
    });
  }

  it("401 for a revoked key, and for a malformed one", async () => {
    await expectRefused(keys.revoked, route.valid(w), 401, "unauthenticated");
    await expectRefused("sb_nope", route.valid(w), 401, "unauthenticated");
  });
});

describe("the endpoint list", () => {
  it("has a route case for every endpoint", () => {
    expect(ROUTE_CASES.map((r) => r.endpoint.operationId).sort()).toEqual(ENDPOINTS.map((e) => e.operationId).sort());
  });

  it("refuses to build a route whose operation checks another permission than the endpoint declares", () => {
    const [putReviewResponse] = ENDPOINTS.filter((e) => e.operationId === "putReviewResponse");
    // getReview checks reviews:read; the endpoint declares reviews:write.
    expect(() => v1Route(putReviewResponse, getReview as never)).toThrow(/declares "reviews:write" but its operation checks "reviews:read"/);
  });
});

// A second id in the request (the copy's source project, a search's filters) must be within the key's reach as
// well as the target: a key limited to one project must not pull in another project's App Store Connect key.
describe("a second id in the request", () => {
  const refused = async (call: () => ReturnType<typeof callRoute>) => {
    const before = await apiSnapshot(w.teamId, apple);
    const res = await call();
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ error: { code: "not_found", message: expect.any(String) } });
    expect(await apiSnapshot(w.teamId, apple)).toBe(before);
  };

  it("a key scoped to project A cannot copy project B's App Store Connect key into A", async () => {
    await refused(() =>
      callRoute(ascCopy.POST, `/projects/${w.otherProjectId}/integrations/app-store-connect/copy`, {
        method: "POST",
        key: keys.otherProject,
        params: { projectId: w.otherProjectId },
        body: { fromProjectId: w.projectId },
      }),
    );
  });

  it("a key of another team cannot copy from this team's project into its own", async () => {
    const stranger = await createOwner("copier");
    const { key } = await agentKeyFor(stranger.teamId, stranger.caller, { permissions: [...AGENT_KEY_PERMISSIONS] });
    await refused(() =>
      callRoute(ascCopy.POST, `/projects/${stranger.projectId}/integrations/app-store-connect/copy`, {
        method: "POST",
        key,
        params: { projectId: stranger.projectId },
        body: { fromProjectId: w.projectId },
      }),
    );
  });

  it("a key scoped to project A cannot copy project B's Google Play connection into A", async () => {
    await refused(() =>
      callRoute(playCopy.POST, `/projects/${w.otherProjectId}/integrations/google-play/copy`, {
        method: "POST",
        key: keys.otherProject,
        params: { projectId: w.otherProjectId },
        body: { fromProjectId: w.projectId },
      }),
    );
  });

  it("a key scoped to project A cannot name project B as a filter beside an app of A", async () => {
    const scoped = (await agentKeyFor(w.teamId, w.ownerCaller, { projectId: w.projectId })).key;
    await refused(() => callRoute(reviewsRoute.GET, "/reviews", { key: scoped, query: { app: w.weatherId, project: w.otherProjectId } }));
  });

  it("a key cannot name another team's id beside an app of its own team", async () => {
    const stranger = await createOwner("team-namer");
    await refused(() => callRoute(reviewsRoute.GET, "/reviews", { key: keys.all, query: { teamId: stranger.teamId, app: w.weatherId } }));
  });
});

// The edges every /api/v1 request passes: the body-size limit (before parsing), and the origin check for the browser
// session on state-changing methods (agent keys are unaffected).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningAppleSim } from "@/e2e/apple-sim";
import { agentKeyLimiter } from "@/lib/api/rate-limit";
import { AGENT_KEY_PERMISSIONS } from "@/lib/data/agent-keys";
import { db } from "@/lib/db";
import { settleBackgroundRuns } from "@/lib/jobs/request-sync";
import * as ratingsSync from "../projects/[projectId]/ratings/sync/route";
import * as reply from "../reviews/[reviewId]/response/route";
import { agentKeyFor, callRoute, createApiWorld, startApiSim, type ApiWorld } from "./harness";

let apple: RunningAppleSim;
let w: ApiWorld;
let key: string;

beforeAll(async () => {
  apple = await startApiSim();
  w = await createApiWorld();
  key = (await agentKeyFor(w.teamId, w.ownerCaller, { permissions: [...AGENT_KEY_PERMISSIONS] })).key;
});
afterAll(() => apple.stop());
beforeEach(() => {
  agentKeyLimiter.reset();
  apple.sim.counters = { total: 0, byEndpoint: {}, byStorefront: {}, byStatus: {}, byKey: {} };
});

describe("the request body", () => {
  const put = (body: string, headers: Record<string, string> = {}) =>
    callRoute(reply.PUT, `/reviews/${w.reviews.crash}/response`, { method: "PUT", key, params: { reviewId: w.reviews.crash }, body, headers });

  it("over 1 MB is refused with 413 before it is parsed, whether or not Content-Length says so", async () => {
    const huge = JSON.stringify({ body: "Thanks", padding: "x".repeat(1_100_000) });
    for (const res of [await put(huge), await put('{"body":"Thanks"}', { "content-length": String(5_000_000) })]) {
      expect(res.status).toBe(413);
      expect(res.json).toMatchObject({ error: { code: "payload_too_large", message: expect.stringContaining("1 MB") } });
    }
    expect(apple.sim.counters.total).toBe(0);
  });

  it("just under the limit is read as usual", async () => {
    const res = await put(JSON.stringify({ body: "Thanks", padding: "x".repeat(900_000) }));
    expect(res.status).toBe(200);
  });
});

describe("the browser session on state-changing requests", () => {
  const path = () => `/projects/${w.projectId}/ratings/sync`;
  const post = (headers: Record<string, string>, withKey = false) =>
    callRoute(ratingsSync.POST, path(), { method: "POST", params: { projectId: w.projectId }, headers, key: withKey ? key : null });

  it.each([
    ["another port of the same host", { origin: "http://starboard.test:3001" }],
    ["another site", { origin: "https://evil.example" }],
    ["an opaque origin", { origin: "null" }],
    ["no Origin, Sec-Fetch-Site same-site", { "sec-fetch-site": "same-site" }],
    ["neither header", {}],
  ])("is refused from %s before the session or the body is looked at", async (_label, headers) => {
    const runs = await db.syncRun.count({ where: { projectId: w.projectId } });
    const res = await post(headers);
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ error: { code: "forbidden", message: expect.stringMatching(/origin/i) } });
    expect(await db.syncRun.count({ where: { projectId: w.projectId } })).toBe(runs);
  });

  it("does not concern agent keys: a Bearer request from anywhere is judged by its key alone", async () => {
    const res = await post({ origin: "https://evil.example" }, true);
    expect(res.status).toBe(202);
    await settleBackgroundRuns();
  });
});

// The edges every /api/v1 request passes: the body-size limit (before parsing), the origin check for the browser
// session on state-changing methods (agent keys are unaffected), and a burst of concurrent sync requests that must
// queue or be refused, never fail with 500.
import { aroundAll, afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningAppleSim } from "@/tools/apple-sim";
import { AGENT_KEY_PERMISSIONS } from "@/lib/data/agent-keys";
import { db, sqlPool } from "@/lib/db";
import { requestProjectSync } from "@/lib/jobs/request-sync";
import { settleBackgroundWork } from "@/lib/jobs/dispatch";
import * as ratingsSync from "@/app/api/v1/projects/[projectId]/ratings/sync/route";
import * as reply from "@/app/api/v1/reviews/[reviewId]/response/route";
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
beforeAll(async () => {
  w = await createApiWorld();
  key = (await agentKeyFor(w.teamId, w.ownerCaller, { permissions: [...AGENT_KEY_PERMISSIONS] })).key;
});
afterAll(() => apple.stop());
beforeEach(() => {
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
    await settleBackgroundWork();
  });
});

describe("a burst of 120 concurrent sync requests", () => {
  it("answers each with the run (202) or 429, never 500, and starts one run — even while another process holds the project's start lock", async () => {
    await settleBackgroundWork();
    const runsBefore = await db.syncRun.count({ where: { projectId: w.projectId, kind: "app_store_ratings_sync" } });
    // Another process (a second instance, the job command) is starting this project's run for 2.5 s: every start
    // here has to wait for the lock, as the later ones of any burst do.
    const other = await sqlPool().connect();
    await other.query("BEGIN");
    await other.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`app_store_ratings_sync:${w.projectId}`]);
    const burst = Promise.all(
      Array.from({ length: 120 }, () => callRoute(ratingsSync.POST, "", { method: "POST", key, params: { projectId: w.projectId } })),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // How many starts wait for that lock, and whether the pool still serves other requests meanwhile.
    const waiting = (await other.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).rows[0].n;
    const served = await Promise.race([db.team.count().then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1_000))]);
    await other.query("COMMIT");
    other.release();
    const answers = await burst;
    // The pool went on serving other requests (before: every connection was taken by a start waiting its turn).
    expect(served).toBe(true);
    expect(waiting).toBeLessThanOrEqual(1);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 202 && s !== 429), JSON.stringify(answers.find((a) => a.status !== 202 && a.status !== 429)?.json)).toEqual([]);
    expect(statuses.filter((s) => s === 202).length).toBeGreaterThan(0);
    for (const refused of answers.filter((a) => a.status === 429)) {
      expect(refused.json).toMatchObject({ error: { code: "rate_limited" } });
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    }
    const runIds = new Set(answers.filter((a) => a.status === 202).map((a) => a.json.runId));
    expect(runIds.size).toBe(1);
    await settleBackgroundWork();
    expect(await db.syncRun.count({ where: { projectId: w.projectId, kind: "app_store_ratings_sync" } })).toBe(runsBefore + 1);
  });

  it("when every pool connection stays busy, a start is refused with 429 and a retry time instead of failing", async () => {
    const pool = sqlPool();
    const held = await Promise.all(Array.from({ length: pool.options.max ?? 10 }, () => pool.connect()));
    try {
      await expect(requestProjectSync("app_store_ratings_sync", { teamId: w.teamId, projectId: w.otherProjectId }, "api")).rejects.toMatchObject({
        code: "rate_limited",
        retryAfterSeconds: 5,
      });
    } finally {
      for (const client of held) client.release();
    }
    expect(await db.syncRun.count({ where: { projectId: w.otherProjectId } })).toBe(0);
  });
});

// /api/v1 reviews: the reviews page's filters and paging, one review, and the reply round-trip with an agent key
// (audit-logged with the key, no user recorded as replier), against the Apple simulator.
import { aroundAll, afterAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningAppleSim } from "@/tools/apple-sim";
import { reviewDetailSchema, reviewPageSchema } from "@/lib/api/v1/schemas/reviews";
import { db } from "@/lib/db";
import * as reply from "@/app/api/v1/reviews/[reviewId]/response/route";
import * as review from "@/app/api/v1/reviews/[reviewId]/route";
import * as reviews from "@/app/api/v1/reviews/route";
import { agentKeyFor, callRoute, createApiWorld, startApiSim, type ApiWorld } from "./harness";
import { withConfig } from "@/lib/env";
import { appleSimConfig } from "@/test/config";

let apple: RunningAppleSim;
let w: ApiWorld;
let readKey: { key: string; id: string };
let writeKey: { key: string; id: string };

aroundAll(async (runSuite) => {
  apple = await startApiSim();
  await withConfig(appleSimConfig(apple), runSuite);
});
afterAll(() => apple.stop());
beforeEach(async () => {
  apple.sim.reset();
  w = await createApiWorld();
  apple.sim.counters = { total: 0, byEndpoint: {}, byStorefront: {}, byStatus: {}, byKey: {} };
  readKey = await agentKeyFor(w.teamId, w.ownerCaller);
  writeKey = await agentKeyFor(w.teamId, w.ownerCaller, { permissions: ["reviews:read", "reviews:write"] });
});

const list = (query: Record<string, string>, key = readKey.key) => callRoute(reviews.GET, "/reviews", { key, query });
const externalIds = (res: { json: { items: { externalId: string }[] } }) => res.json.items.map((r) => r.externalId);

describe("GET /reviews", () => {
  it("lists the key's team, newest first, in the documented shape", async () => {
    const res = await list({});
    expect(res.status).toBe(200);
    expect(reviewPageSchema.safeParse(res.json).success).toBe(true);
    expect(externalIds(res)).toEqual(["r-crash", "r-love", "r-notes"]);
  });

  it("applies every filter of the reviews page", async () => {
    expect(externalIds(await list({ rating: "1" }))).toEqual(["r-crash"]);
    expect(externalIds(await list({ rating: "3-5" }))).toEqual(["r-love", "r-notes"]);
    expect(externalIds(await list({ response: "yes" }))).toEqual(["r-love"]);
    expect(externalIds(await list({ response: "no" }))).toEqual(["r-crash", "r-notes"]);
    expect(externalIds(await list({ country: "DE" }))).toEqual(["r-notes"]);
    expect(externalIds(await list({ q: "radar" }))).toEqual(["r-love"]);
    expect(externalIds(await list({ nickname: "an" }))).toEqual(["r-crash"]);
    expect(externalIds(await list({ app: w.notesId }))).toEqual(["r-notes"]);
    expect(externalIds(await list({ project: w.otherProjectId }))).toEqual([]);
    expect(externalIds(await list({ store: "app_store", rating: "5" }))).toEqual(["r-love"]);
  });

  it("pages with a cursor until nextCursor is null", async () => {
    const first = await list({ limit: "2" });
    expect(externalIds(first)).toEqual(["r-crash", "r-love"]);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await list({ limit: "2", cursor: first.json.nextCursor });
    expect(externalIds(second)).toEqual(["r-notes"]);
    expect(second.json.nextCursor).toBeNull();
  });

  it("refuses a bad cursor and an out-of-range limit with 400", async () => {
    expect((await list({ cursor: "garbage" })).status).toBe(400);
    expect((await list({ limit: "500" })).json.error.fieldErrors).toHaveProperty("limit");
  });

  it("refuses crafted cursors with 400, not a database error", async () => {
    const crafted = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    for (const cursor of [crafted(["2026-02-30T00:00:00.000Z", "00000000-0000-4000-8000-000000000000"]), crafted(["2026-01-01T00:00:00.000Z", "-".repeat(36)]), crafted(null)]) {
      const res = await list({ cursor });
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ code: "validation_failed", fieldErrors: { cursor: expect.any(String) } });
    }
  });

  it("refuses NUL in the text filters with 400, saying which", async () => {
    const q = await list({ q: "crash\u0000" });
    expect(q.status).toBe(400);
    expect(q.json.error).toMatchObject({ code: "validation_failed", fieldErrors: { q: expect.stringContaining("NUL") } });
    expect((await list({ nickname: "\u0000" })).json.error.fieldErrors).toHaveProperty("nickname");
  });

  it("refuses a query over the word limit, saying the limit", async () => {
    const res = await list({ q: Array.from({ length: 20 }, (_, i) => `w${i}`).join(" or ") });
    expect(res.status).toBe(400);
    expect(res.json.error.fieldErrors.q).toContain("at most 16 words");
  });

  it("filters by detected language and says how many match", async () => {
    const en = await list({ language: "en" });
    expect(externalIds(en)).toContain("r-crash");
    expect(en.json.items.every((r: { language: string }) => r.language === "en")).toBe(true);
    expect((await list({})).json.total).toEqual({ count: 3, capped: false });
    expect((await list({ language: "english" })).json.error.fieldErrors).toHaveProperty("language");
  });

  it("a project-scoped key sees only its project's reviews", async () => {
    const scoped = await agentKeyFor(w.teamId, w.ownerCaller, { projectId: w.otherProjectId });
    expect(externalIds(await list({}, scoped.key))).toEqual([]);
    const own = await agentKeyFor(w.teamId, w.ownerCaller, { projectId: w.projectId });
    expect(externalIds(await list({}, own.key))).toEqual(["r-crash", "r-love", "r-notes"]);
  });
});

describe("GET /reviews/{id}", () => {
  it("returns the review with its reply and whether the key may reply", async () => {
    const res = await callRoute(review.GET, "", { key: readKey.key, params: { reviewId: w.reviews.love } });
    expect(res.status).toBe(200);
    expect(reviewDetailSchema.parse(res.json)).toMatchObject({ canReply: false, review: { externalId: "r-love", reply: { body: "Thank you!", byUserName: null } } });
    const withWrite = await callRoute(review.GET, "", { key: writeKey.key, params: { reviewId: w.reviews.love } });
    expect(withWrite.json.canReply).toBe(true);
  });
});

describe("PUT / DELETE /reviews/{id}/response", () => {
  const put = (reviewId: string, body: unknown) => callRoute(reply.PUT, "", { method: "PUT", key: writeKey.key, params: { reviewId }, body });

  it("publishes on Apple, stores no replier, and audit-logs the key", async () => {
    const res = await put(w.reviews.crash, { body: "Sorry! Fixed in 2.1." });
    expect(res.status).toBe(200);
    expect(res.json.review.reply).toMatchObject({ body: "Sorry! Fixed in 2.1.", state: "PENDING_PUBLISH", byUserName: null });
    expect(apple.sim.counters.byEndpoint["asc.response.create"]).toBe(1);
    const row = await db.appStoreReview.findUniqueOrThrow({ where: { id: w.reviews.crash } });
    expect(row).toMatchObject({ developerResponse: "Sorry! Fixed in 2.1.", respondedByUserId: null });
    const audit = await db.auditLog.findFirstOrThrow({ where: { teamId: w.teamId, targetId: w.reviews.crash } });
    expect(audit).toMatchObject({ action: "review.reply_created", actorApiKeyId: writeKey.id, actorUserId: null });
  });

  it("replaces an existing reply", async () => {
    const res = await put(w.reviews.love, { body: "Thanks again, Bob!" });
    expect(res.json.review.reply.body).toBe("Thanks again, Bob!");
    const audit = await db.auditLog.findFirstOrThrow({ where: { teamId: w.teamId, targetId: w.reviews.love } });
    expect(audit.action).toBe("review.reply_updated");
  });

  it("refuses a reply longer than the App Store allows without calling Apple", async () => {
    const res = await put(w.reviews.crash, { body: "x".repeat(5971) });
    expect(res.status).toBe(400);
    expect(res.json.error.fieldErrors.body).toContain("5,970");
    expect(apple.sim.counters.total).toBe(0);
  });

  it("refuses a reply with a NUL byte or half an emoji with 400, without calling Apple", async () => {
    for (const body of ["Fixed\u0000", `Fixed ${"🙂".slice(0, 1)}`]) {
      const res = await put(w.reviews.crash, { body });
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ code: "validation_failed", fieldErrors: { body: expect.stringMatching(/character/) } });
    }
    expect(apple.sim.counters.total).toBe(0);
  });

  it("refuses a body that is not JSON", async () => {
    const res = await put(w.reviews.crash, "{not json");
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/JSON/);
  });

  it("deletes the reply on Apple and audit-logs the key", async () => {
    const res = await callRoute(reply.DELETE, "", { method: "DELETE", key: writeKey.key, params: { reviewId: w.reviews.love } });
    expect(res.status).toBe(200);
    expect(res.json.review.reply).toBeNull();
    expect(apple.sim.counters.byEndpoint["asc.response.delete"]).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { teamId: w.teamId, targetId: w.reviews.love } });
    expect(audit).toMatchObject({ action: "review.reply_deleted", actorApiKeyId: writeKey.id });
  });

  it("the default key (reviews:read only) cannot reply", async () => {
    const res = await callRoute(reply.PUT, "", { method: "PUT", key: readKey.key, params: { reviewId: w.reviews.crash }, body: { body: "hi" } });
    expect(res.status).toBe(403);
    expect(apple.sim.counters.total).toBe(0);
  });
});

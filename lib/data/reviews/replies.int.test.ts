import { aroundAll, afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningAppleSim } from "@/tools/apple-sim";
import type { Caller } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { syncProjectReviews } from "@/lib/sync/reviews/sync-project";
import { createReviewsWorld, reviewsScenario, startReviewsSim, type ReviewsWorld } from "@/test/reviews-world";
import { inlineSteps } from "@/lib/sync/steps";
import { addMember, createOwner } from "@/test/fixtures";
import { actionResult } from "@/lib/operations/adapters/server-action";
import * as reviewOps from "@/lib/operations/reviews";
import { withConfig } from "@/lib/env";
import { ascSimConfig } from "@/test/config";

let apple: RunningAppleSim;
let w: ReviewsWorld;
let reviewId: string;
let repliedId: string;

const scenario = reviewsScenario({
  reviews: {
    "1001": [
      { id: "r-1", territory: "USA", rating: 2, title: "Meh", body: "Too many ads", nickname: "ann", createdDate: "2026-02-01T00:00:00Z" },
      { id: "r-2", territory: "USA", rating: 5, body: "Love it", nickname: "bob", createdDate: "2026-01-01T00:00:00Z", response: { id: "resp-old", body: "Thank you!", lastModifiedDate: "2026-01-02T00:00:00Z" } },
    ],
  },
});

aroundAll(async (runSuite) => {
  apple = await startReviewsSim(scenario);
  await withConfig(ascSimConfig(apple), runSuite);
});
afterAll(() => apple.stop());
beforeEach(async () => {
  apple.sim.reset();
  w = await createReviewsWorld();
  await syncProjectReviews({ projectId: w.projectId, trigger: "manual", steps: inlineSteps });
  reviewId = (await db.appStoreReview.findFirstOrThrow({ where: { appId: w.weatherId, externalId: "r-1" } })).id;
  repliedId = (await db.appStoreReview.findFirstOrThrow({ where: { appId: w.weatherId, externalId: "r-2" } })).id;
  apple.sim.clearLog();
});
afterEach(() => apple.sim.clearFaults());

const owner = () => w.ownerCaller as Caller;
const row = (id: string) => db.appStoreReview.findUniqueOrThrow({ where: { id } });

describe("reply", () => {
  it("posts to Apple and stores id, state, body and the replying user, with an audit entry", async () => {
    const result = await actionResult(reviewOps.publishReply, owner(), { reviewId, body: "Sorry about the ads — a fix ships Monday." });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.reply).toMatchObject({ body: "Sorry about the ads — a fix ships Monday.", state: "PENDING_PUBLISH", byUserName: "reviews" });
    const stored = await row(reviewId);
    expect(stored).toMatchObject({ developerResponseState: "PENDING_PUBLISH", respondedByUserId: w.ownerCaller.userId });
    expect(apple.sim.getResponse(stored.developerResponseId!)?.body).toBe("Sorry about the ads — a fix ships Monday.");
    expect(await db.auditLog.findFirst({ where: { teamId: w.teamId, action: "review.reply_created", targetId: reviewId } })).not.toBeNull();
  });

  it("shows Published after Apple publishes it and a re-sync runs, keeping who replied", async () => {
    await actionResult(reviewOps.publishReply, owner(), { reviewId, body: "Thanks!" });
    apple.sim.publishResponses();
    await syncProjectReviews({ projectId: w.projectId, trigger: "manual", steps: inlineSteps });
    const got = await actionResult(reviewOps.getReview, owner(), { reviewId });
    expect(got.ok && got.data.review.reply).toMatchObject({ state: "PUBLISHED", byUserName: "reviews" });
  });

  it("says 'via App Store Connect' (no user) for replies made there", async () => {
    const got = await actionResult(reviewOps.getReview, owner(), { reviewId: repliedId });
    expect(got.ok && got.data.review.reply).toMatchObject({ body: "Thank you!", byUserName: null, state: "PUBLISHED" });
  });

  it("refuses an empty or too long reply without calling Apple", async () => {
    const empty = await actionResult(reviewOps.publishReply, owner(), { reviewId, body: "   " });
    const long = await actionResult(reviewOps.publishReply, owner(), { reviewId, body: "x".repeat(5971) });
    expect(empty).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect(long).toMatchObject({ ok: false, error: { code: "validation_failed", message: expect.stringContaining("5,970") } });
    expect(apple.sim.log).toHaveLength(0);
  });

  it.each([
    ["a NUL byte", "Thanks\u0000 for the review"],
    ["half an emoji at the end (a cut surrogate pair)", `Thanks ${"🙂".slice(0, 1)}`],
    ["a lone low surrogate", `Thanks ${"🙂".slice(1)} a lot`],
  ])("refuses a reply with %s as a field error, without calling Apple", async (_label, body) => {
    const before = await row(reviewId);
    const result = await actionResult(reviewOps.publishReply, owner(), { reviewId, body });
    expect(result).toMatchObject({ ok: false, error: { code: "validation_failed", fieldErrors: { body: expect.stringMatching(/character/) } } });
    expect(apple.sim.log).toHaveLength(0);
    expect(await row(reviewId)).toEqual(before);
  });
});

describe("edit", () => {
  it("replaces the reply on Apple (new id) and records the edit", async () => {
    const result = await actionResult(reviewOps.publishReply, owner(), { reviewId: repliedId, body: "Thank you, Bob!" });
    expect(result.ok).toBe(true);
    const stored = await row(repliedId);
    expect(stored.developerResponseId).not.toBe("resp-old");
    expect(stored.developerResponse).toBe("Thank you, Bob!");
    expect(apple.sim.getResponse("resp-old")).toBeUndefined();
    expect(await db.auditLog.findFirst({ where: { action: "review.reply_updated", targetId: repliedId } })).not.toBeNull();
  });

  it("a POST that keeps failing leaves the dashboard showing the reply the App Store still has", async () => {
    apple.sim.addFault({ endpoint: "asc.response.create", kind: "500", count: 10 });
    const result = await actionResult(reviewOps.publishReply, owner(), { reviewId: repliedId, body: "New text" });
    expect(result).toMatchObject({ ok: false, error: { code: "upstream_error", upstream: { status: 500, code: "UNEXPECTED_ERROR" } } });
    expect(apple.sim.log.filter((e) => e.endpoint === "asc.response.create").length).toBe(4); // retried
    expect(await row(repliedId)).toMatchObject({ developerResponse: "Thank you!", developerResponseId: "resp-old" });
  });

  it("a POST failure after the old reply was deleted half-way shows no reply rather than one that is not on the App Store", async () => {
    // The old reply is gone at Apple (deleted before the new one could be posted), then the POST fails.
    apple.sim.deleteResponse("resp-old");
    apple.sim.addFault({ endpoint: "asc.response.create", kind: "503", count: 10 });
    const result = await actionResult(reviewOps.publishReply, owner(), { reviewId: repliedId, body: "New text" });
    expect(result.ok).toBe(false);
    expect(await row(repliedId)).toMatchObject({ developerResponse: null, developerResponseId: null, developerResponseState: null });
  });

  it("says when to retry on a rate limit", async () => {
    apple.sim.addFault({ endpoint: "asc.response.create", kind: "429", count: 10, retryAfter: 120 });
    const result = await actionResult(reviewOps.publishReply, owner(), { reviewId, body: "Hi" });
    expect(result).toMatchObject({ ok: false, error: { code: "rate_limited", retryAfterSeconds: 120, message: expect.stringContaining("Try again in about 2 minutes") } });
  });

  it("explains a 403 role refusal in words", async () => {
    apple.sim.addFault({ endpoint: "asc.response.create", kind: "403", count: 10 });
    const result = await actionResult(reviewOps.publishReply, owner(), { reviewId, body: "Hi" });
    expect(result).toMatchObject({ ok: false, error: { code: "upstream_error", upstream: { code: "FORBIDDEN_ERROR", hint: expect.stringContaining("Customer Support") } } });
  });
});

describe("delete", () => {
  it("needs the typed confirmation and sends nothing without it", async () => {
    const result = await actionResult(reviewOps.deleteReply, owner(), { reviewId: repliedId, confirm: "yes" } as never);
    expect(result).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect(apple.sim.log).toHaveLength(0);
    expect((await row(repliedId)).developerResponseId).toBe("resp-old");
  });

  it("deletes on Apple and clears the reply, with an audit entry", async () => {
    const result = await actionResult(reviewOps.deleteReply, owner(), { reviewId: repliedId, confirm: "delete" });
    expect(result.ok && result.data.reply).toBeNull();
    expect(apple.sim.getResponse("resp-old")).toBeUndefined();
    expect(apple.sim.log.find((e) => e.endpoint === "asc.response.delete")?.status).toBe(204);
    expect(await db.auditLog.findFirst({ where: { action: "review.reply_deleted", targetId: repliedId } })).not.toBeNull();
  });

  it("counts a 404 from Apple as deleted", async () => {
    apple.sim.deleteResponse("resp-old");
    const result = await actionResult(reviewOps.deleteReply, owner(), { reviewId: repliedId, confirm: "delete" });
    expect(result.ok).toBe(true);
    expect(apple.sim.log.find((e) => e.endpoint === "asc.response.delete")?.status).toBe(404);
    expect((await row(repliedId)).developerResponse).toBeNull();
  });
});

describe("who may reply", () => {
  async function refusedWithoutEffects(caller: Caller, code: "forbidden" | "not_found") {
    const before = JSON.stringify(await db.appStoreReview.findMany({ where: { projectId: w.projectId }, orderBy: { id: "asc" } }));
    const audits = await db.auditLog.count({ where: { teamId: w.teamId } });
    for (const result of [
      await actionResult(reviewOps.publishReply, caller, { reviewId, body: "Hi" }),
      await actionResult(reviewOps.publishReply, caller, { reviewId: repliedId, body: "Edited" }),
      await actionResult(reviewOps.deleteReply, caller, { reviewId: repliedId, confirm: "delete" }),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code } });
    }
    expect(apple.sim.log).toHaveLength(0);
    expect(JSON.stringify(await db.appStoreReview.findMany({ where: { projectId: w.projectId }, orderBy: { id: "asc" } }))).toBe(before);
    expect(await db.auditLog.count({ where: { teamId: w.teamId } })).toBe(audits);
  }

  it("refuses a member when the team does not allow members to reply", async () => {
    await refusedWithoutEffects((await addMember(w.teamId, "member")).caller, "forbidden");
  });

  it("answers not found to another team", async () => {
    await refusedWithoutEffects((await createOwner("outsider")).caller, "not_found");
  });

  it("refuses a read-only agent key", async () => {
    const key = await db.apiKey.create({ data: { teamId: w.teamId, name: "ro", keyHash: `h-${w.teamId}`, prefix: "sb_ro", permissions: ["reviews:read"] } });
    const caller: Caller = { kind: "apiKey", apiKeyId: key.id, teamId: w.teamId, projectId: null, permissions: ["reviews:read"] };
    await refusedWithoutEffects(caller, "forbidden");
  });

  it("lets a member reply where the team allows it", async () => {
    await db.team.update({ where: { id: w.teamId }, data: { membersMayPublishReplies: true } });
    const member = await addMember(w.teamId, "member");
    const result = await actionResult(reviewOps.publishReply, member.caller, { reviewId, body: "Thanks from support" });
    expect(result.ok).toBe(true);
    expect((await row(reviewId)).respondedByUserId).toBe(member.userId);
  });
});

// Notifications through the real sync handlers and the simulator: no onboarding flood, exactly once per run
// even when steps are retried, and one sync.failed per failed run for owners and admins only.
import { afterAll, afterEach, aroundAll, describe, expect, it } from "vitest";
import type { RunningAppleSim } from "@/tools/apple-sim";
import { db } from "@/lib/db";
import { withConfig } from "@/lib/env";
import { ascSimConfig } from "@/test/config";
import { createReviewsWorld, reviewsScenario, startReviewsSim, type ReviewsWorld } from "@/test/reviews-world";
import { syncProjectReviews } from "@/lib/sync/reviews/sync-project";
import { createSyncRun, finishSyncRun } from "@/lib/sync/runs";
import { inlineSteps, type StepRunner } from "@/lib/sync/steps";
import { addMember } from "@/test/fixtures";
import { settleBackgroundWork } from "@/lib/jobs/dispatch";
import { startSmtpSink } from "@/test/notification-sinks";

let apple: RunningAppleSim;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

aroundAll(async (runSuite) => {
  apple = await startReviewsSim(
    reviewsScenario({
      reviews: {
        "1001": [{ id: "old-1", territory: "USA", rating: 4, title: "Nice", body: "Works", nickname: "a", createdDate: "2026-01-01T00:00:00Z" }],
        "1002": [{ id: "old-2", territory: "GBR", rating: 3, body: "Okay", nickname: "b", createdDate: "2026-01-02T00:00:00Z" }],
      },
    }),
  );
  smtp = await startSmtpSink();
  const sim = ascSimConfig(apple);
  await withConfig({ ...sim, env: { ...sim.env, SMTP_URL: smtp.url } }, runSuite);
});
afterAll(async () => {
  await apple.stop();
  await smtp.stop();
});
afterEach(() => {
  apple.sim.reset();
  smtp.mails.length = 0;
});

/** Inngest runs a step again when it fails after doing its work: replay every notifying step twice. */
const retrying: StepRunner = {
  run: async (id, fn) => {
    if (/notify|finish/.test(id)) await fn();
    return fn();
  },
  sleep: (id, ms) => inlineSteps.sleep(id, ms),
};

async function team() {
  const w = await createReviewsWorld();
  const admin = await addMember(w.teamId, "admin");
  const member = await addMember(w.teamId, "member");
  return { w, admin: admin.userId, member: member.userId };
}

const sync = async (w: ReviewsWorld, steps: StepRunner = retrying) => {
  const result = await syncProjectReviews({ projectId: w.projectId, trigger: "manual", steps });
  await settleBackgroundWork();
  return result;
};
const notes = (teamId: string, type: string) => db.notification.findMany({ where: { teamId, type }, orderBy: { userId: "asc" } });

describe("notifications from the reviews sync", () => {
  it("sends nothing on an app's first sync, then one notification per member per app and run — even with retried steps", async () => {
    const { w, admin, member } = await team();
    const first = await sync(w);
    expect(first.counters).toMatchObject({ inserted: 2 });
    expect(await db.notification.count({ where: { teamId: w.teamId } })).toBe(0);
    expect(smtp.mails).toHaveLength(0);

    apple.sim.addReview("1001", { id: "new-1", territory: "DEU", rating: 1, title: "Absturz", body: "Stürzt ab", nickname: "d", createdDate: "2026-03-01T00:00:00Z" });
    apple.sim.addReview("1001", { id: "new-2", territory: "FRA", rating: 2, title: "Bof", body: "Lent", nickname: "f", createdDate: "2026-03-02T00:00:00Z" });
    const second = await sync(w);
    expect(second.counters).toMatchObject({ inserted: 2 });
    const got = await notes(w.teamId, "app.review_new");
    expect(got.map((n) => n.userId).sort()).toEqual([w.ownerCaller.userId, admin, member].sort());
    const newest = await db.appStoreReview.findFirstOrThrow({ where: { appId: w.weatherId, externalId: "new-2" } });
    for (const n of got) {
      expect(n).toMatchObject({ title: "2 new reviews for Weather", appId: w.weatherId, syncRunId: second.runId });
      expect(n.link).toContain(`review=${newest.id}`);
    }
    // Email defaults on for reviews: one mail per member despite the replayed step.
    expect(smtp.mails).toHaveLength(3);
    const delivery = await db.notificationDelivery.findFirstOrThrow({ where: { teamId: w.teamId, channel: "email" } });
    expect(delivery.payload).toMatchObject({ data: { reviewStars: [1, 2] } });

    // Nothing new: nothing sent.
    await sync(w);
    expect(await notes(w.teamId, "app.review_new")).toHaveLength(3);
    expect(smtp.mails).toHaveLength(3);
  });

  it("tells owners and admins once when App Store Connect refuses the key (401), not members", async () => {
    const { w, admin, member } = await team();
    await sync(w);
    apple.sim.addFault({ endpoint: "asc.reviews", kind: "401", count: 5 });
    const result = await sync(w);
    expect(result.status).toBe("failed");
    const failed = await notes(w.teamId, "sync.failed");
    expect(failed.map((n) => n.userId).sort()).toEqual([w.ownerCaller.userId, admin].sort());
    expect(failed[0].body).toMatch(/401/);
    expect(failed[0].link).toBe(`/dashboard/projects/${w.projectId}/integrations`);
    expect(smtp.mails.flatMap((m) => m.to)).toHaveLength(2);
    expect(await db.notification.count({ where: { userId: member } })).toBe(0);
  });
});

describe("sync.failed from finishSyncRun", () => {
  it("notifies once per failed run, however often the run is finished, and not for version runs nor partial runs Apple failed no app in", async () => {
    const { w, admin } = await team();
    const run = await createSyncRun({ kind: "app_store_ratings_sync", scope: "project", trigger: "schedule", teamId: w.teamId, projectId: w.projectId, status: "running" });
    await finishSyncRun(run.id, { status: "failed", counters: {}, error: "iTunes Lookup did not answer for 175 of 175 storefronts" });
    // Inngest's onFailure handler finishing the same run again.
    await finishSyncRun(run.id, { status: "failed", counters: {}, error: "function failed" });
    await settleBackgroundWork();
    const failed = await notes(w.teamId, "sync.failed");
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatchObject({ title: expect.stringContaining("Ratings sync failed"), body: expect.stringContaining("The nightly run ended without completing: iTunes Lookup") });
    expect(smtp.mails.map((m) => m.to[0]).sort()).toHaveLength(2);
    expect(await db.notification.count({ where: { userId: admin, type: "sync.failed" } })).toBe(1);

    const partial = await createSyncRun({ kind: "app_store_ratings_sync", scope: "project", trigger: "manual", teamId: w.teamId, projectId: w.projectId, status: "running" });
    await finishSyncRun(partial.id, { status: "partial", counters: {}, error: "3 storefronts failed" });
    const version = await createSyncRun({ kind: "app_version_sync", scope: "project", trigger: "schedule", teamId: w.teamId, projectId: w.projectId, status: "running" });
    await finishSyncRun(version.id, { status: "failed", counters: {}, error: "down" });
    expect(await notes(w.teamId, "sync.failed")).toHaveLength(2);

    // A reviews run left partial by Apple failing for an app tells, naming the app.
    const incomplete = await createSyncRun({ kind: "app_store_connect_reviews_sync", scope: "project", trigger: "manual", teamId: w.teamId, projectId: w.projectId, status: "running" });
    const appFailures = [{ appId: w.projectId, app: "Weather", during: "reviews", status: "503", code: "UNEXPECTED_ERROR", detail: "Try later", hint: null, inserted: 0 }];
    await finishSyncRun(incomplete.id, { status: "partial", counters: { appFailures }, error: "Weather (paging its reviews): App Store Connect 503 UNEXPECTED_ERROR: Try later" });
    const told = (await notes(w.teamId, "sync.failed")).filter((n) => n.syncRunId === incomplete.id);
    expect(told).toHaveLength(2);
    expect(told[0]).toMatchObject({ title: expect.stringContaining("Review sync incomplete for"), body: expect.stringContaining("The run could not read Weather: Weather (paging its reviews): App Store Connect 503") });
  });
});

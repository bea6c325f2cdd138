// The Inngest functions run the real handler (database + Apple simulator) through @inngest/test.
import { InngestTestEngine } from "@inngest/test";
import { aroundAll, afterAll, describe, expect, it } from "vitest";
import type { RunningAppleSim } from "@/tools/apple-sim";
import { db } from "@/lib/db";
import { createReviewsWorld, reviewsScenario, startReviewsSim } from "@/test/reviews-world";
import { reviewsSyncProject, reviewsSyncScheduled } from "./reviews-sync";
import { withConfig } from "@/lib/env";
import { ascSimConfig } from "@/test/config";

let apple: RunningAppleSim;

aroundAll(async (runSuite) => {
  apple = await startReviewsSim(
    reviewsScenario({ reviews: { "1001": { items: [], generate: { count: 5500, seed: 5, responseShare: 0.1 } }, "1002": [{ id: "n1", territory: "USA", rating: 5, body: "ok", createdDate: "2026-01-01T00:00:00Z" }] } }),
  );
  await withConfig(ascSimConfig(apple), runSuite);
});
afterAll(() => apple.stop());

describe("reviews-sync-project", () => {
  it("runs the sync as named steps, a few pages per step, and records the run", async () => {
    const w = await createReviewsWorld();
    const run = await db.syncRun.create({ data: { kind: "app_store_connect_reviews_sync", scope: "project", trigger: "schedule", teamId: w.teamId, projectId: w.projectId } });
    const t = new InngestTestEngine({ function: reviewsSyncProject, events: [{ name: "reviews/sync.requested", data: { projectId: w.projectId, runId: run.id } }] });
    const { result, state } = await t.execute();
    expect(result).toMatchObject({ runId: run.id, status: "succeeded", counters: { inserted: 5501, pages: 29 } });
    const stepIds = Object.values(state as Record<string, { id?: string }>).length;
    // start + 2 page steps (28 pages, 25 per step) + reconcile + replies for app 1, 1 + 2 for app 2, finish.
    expect(stepIds).toBe(9);
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "succeeded", trigger: "schedule" });
    expect(await db.appStoreReview.count({ where: { projectId: w.projectId } })).toBe(5501);
  });
});

describe("reviews-sync-scheduled", () => {
  it("queues one run per project with an enabled integration and sends one event each", async () => {
    const a = await createReviewsWorld();
    const b = await createReviewsWorld();
    await db.integration.updateMany({ where: { projectId: b.projectId }, data: { enabled: false } });
    const c = await createReviewsWorld({ integration: false });
    let sent: { name: string; data: { projectId: string; runId: string } }[] = [];
    const t = new InngestTestEngine({
      function: reviewsSyncScheduled,
      steps: [{ id: "fan-out", handler: () => undefined }],
      transformCtx: (ctx) => {
        const original = ctx.step.sendEvent;
        ctx.step.sendEvent = ((id: string, events: typeof sent) => {
          sent = events;
          return original(id, events);
        }) as never;
        return ctx;
      },
    });
    const { result } = await t.execute();
    const projects = sent.map((e) => e.data.projectId);
    expect(projects).toContain(a.projectId);
    expect(projects).not.toContain(b.projectId);
    expect(projects).not.toContain(c.projectId);
    expect(sent.every((e) => e.name === "reviews/sync.requested")).toBe(true);
    expect(result).toEqual({ projects: sent.length });
    const queued = await db.syncRun.findFirstOrThrow({ where: { projectId: a.projectId, kind: "app_store_connect_reviews_sync" } });
    expect(queued).toMatchObject({ status: "queued", trigger: "schedule" });
    expect(sent.find((e) => e.data.projectId === a.projectId)?.data.runId).toBe(queued.id);
  });
});

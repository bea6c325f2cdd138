// The Google Play Inngest functions run the real handlers (database + Google simulator) through @inngest/test.
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningGoogleSim } from "@/tools/google-sim";
import { db } from "@/lib/db";
import { googleSimConfig, useConfig } from "@/test/config";
import { createPlayWorld, NOTES, playScenario, startPlaySim, WEATHER } from "@/test/google-play-world";
import { playRatingsSyncProject, playReviewsSyncProject, playReviewsSyncScheduled } from "./google-play";

let google: RunningGoogleSim;

beforeAll(async () => {
  google = await startPlaySim(playScenario({ apps: [{ packageName: WEATHER, reviews: [], generate: { count: 1500, seed: 1, newest: "-1h", intervalMinutes: 5 } }, { packageName: NOTES, reviews: [] }], ratings: { [WEATHER]: { countries: { us: 4 }, days: 3 } } }));
});
useConfig(() => googleSimConfig(google));
afterAll(async () => {
  await google.stop();
});

describe("google-play-reviews-sync-project", () => {
  it("runs the sync as named steps (10 pages a step) and records the queued run", async () => {
    const w = await createPlayWorld();
    const run = await db.syncRun.create({ data: { kind: "google_play_reviews_sync", scope: "project", trigger: "schedule", teamId: w.teamId, projectId: w.projectId } });
    const t = new InngestTestEngine({ function: playReviewsSyncProject, events: [{ name: "google-play/reviews.sync.requested", data: { projectId: w.projectId, runId: run.id } }] });
    const { result, state } = await t.execute();
    expect(result).toMatchObject({ runId: run.id, status: "succeeded", counters: { inserted: 1500, pages: 16 } });
    // start + 2 page steps for Weather (15 pages) + 1 for Notes + finish.
    expect(Object.keys(state as object)).toHaveLength(5);
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "succeeded", trigger: "schedule" });
  });

  it("a handler that throws ends the queued run as failed through onFailure", async () => {
    const w = await createPlayWorld();
    const run = await db.syncRun.create({ data: { kind: "google_play_ratings_sync", scope: "project", trigger: "manual", teamId: w.teamId, projectId: w.projectId } });
    await db.googlePlayConnection.updateMany({ where: { projectId: w.projectId }, data: { serviceAccountKeyCiphertext: "v1.broken.broken.broken" } });
    const t = new InngestTestEngine({ function: playRatingsSyncProject, events: [{ name: "google-play/ratings.sync.requested", data: { projectId: w.projectId, runId: run.id } }] });
    const { error } = await t.execute();
    expect(JSON.stringify(error)).toMatch(/cannot be decrypted|unknown format/);
    // The engine does not call onFailure itself: call what Inngest calls after the last retry.
    const onFailure = (playRatingsSyncProject as unknown as { opts: { onFailure: (ctx: unknown) => Promise<void> } }).opts.onFailure;
    await onFailure({ event: { data: { event: { data: { projectId: w.projectId, runId: run.id } } } }, error: new Error("The stored secret cannot be decrypted.") });
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "failed", error: "The stored secret cannot be decrypted." });
  });
});

describe("google-play-reviews-sync-scheduled", () => {
  it("queues one run per project with an enabled connection and sends one event each", async () => {
    const a = await createPlayWorld();
    const b = await createPlayWorld();
    await db.googlePlayConnection.updateMany({ where: { projectId: b.projectId }, data: { enabled: false } });
    let sent: { name: string; data: { projectId: string; runId: string } }[] = [];
    const t = new InngestTestEngine({
      function: playReviewsSyncScheduled,
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
    await t.execute();
    expect(sent.map((e) => e.data.projectId)).toContain(a.projectId);
    expect(sent.map((e) => e.data.projectId)).not.toContain(b.projectId);
    expect(sent.every((e) => e.name === "google-play/reviews.sync.requested")).toBe(true);
    expect(await db.syncRun.findFirstOrThrow({ where: { projectId: a.projectId, kind: "google_play_reviews_sync" } })).toMatchObject({ status: "queued", trigger: "schedule" });
  });
});

// The analytics Inngest functions run the real handler (database + Apple simulator) through @inngest/test.
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { syncJobOf } from "@/lib/jobs/registry";
import { inlineSteps } from "@/lib/sync/steps";
import { analyticsSimConfig, createAnalyticsWorld, startAnalyticsSim } from "@/test/analytics-world";
import { useConfig } from "@/test/config";
import type { RunningAppleSim } from "@/tools/apple-sim";
import { ANALYTICS_SYNC_CRON, analyticsSyncProject, analyticsSyncScheduled } from "./analytics";
import { functions } from "./index";

let apple: RunningAppleSim;

beforeAll(async () => {
  apple = await startAnalyticsSim();
});
afterAll(() => apple.stop());
useConfig(() => analyticsSimConfig(apple));

const pick = (fn: unknown) => {
  const { id, triggers, concurrency, singleton, retries } = (fn as { opts: Record<string, unknown> }).opts;
  return { id, triggers, concurrency, singleton, retries };
};

describe("analytics Inngest functions", () => {
  it("are served: daily at 14:20 UTC, and one run per project at a time", () => {
    expect(functions).toEqual(expect.arrayContaining([analyticsSyncScheduled, analyticsSyncProject]));
    expect(ANALYTICS_SYNC_CRON).toBe("TZ=UTC 20 14 * * *");
    expect(pick(analyticsSyncScheduled)).toEqual({ id: "analytics-sync-scheduled", triggers: [{ cron: ANALYTICS_SYNC_CRON }], concurrency: undefined, singleton: { mode: "skip" }, retries: 3 });
    expect(pick(analyticsSyncProject)).toEqual({ id: "analytics-sync-project", triggers: [{ event: "analytics/sync.requested" }], concurrency: [{ key: "event.data.projectId", limit: 1 }], singleton: undefined, retries: 3 });
  });

  it("runs the queued project run as named steps: start, one per app, finish", async () => {
    const w = await createAnalyticsWorld();
    const run = await db.syncRun.create({ data: { kind: "app_store_analytics_sync", scope: "project", trigger: "schedule", teamId: w.teamId, projectId: w.projectId } });
    const t = new InngestTestEngine({ function: analyticsSyncProject, events: [{ name: "analytics/sync.requested", data: { projectId: w.projectId, runId: run.id } }] });
    const { result, state } = await t.execute();
    expect(result).toMatchObject({ runId: run.id, status: "succeeded", counters: { apps: 2, appsFailed: 0 } });
    expect(Object.keys(state as object)).toHaveLength(4);
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "succeeded", trigger: "schedule", progress: { appsDone: 2, appsTotal: 2 } });
  });

  it("the registry's job runs one project, or an app's project (the CLI's --app-id), never every project for an app", async () => {
    const w = await createAnalyticsWorld({ apps: 1 });
    const handler = await syncJobOf("app_store_analytics_sync").handler();
    const byApp = await handler({ appId: w.weatherId, trigger: "cli", steps: inlineSteps });
    expect(byApp).toMatchObject({ status: "succeeded", counters: { apps: 1 } });
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: byApp.runId! } })).toMatchObject({ kind: "app_store_analytics_sync", projectId: w.projectId, trigger: "cli" });
    await expect(handler({ appId: "00000000-0000-4000-8000-000000000000", trigger: "cli", steps: inlineSteps })).rejects.toThrow(/does not exist/);
  });

  it("the daily fan-out queues one run per project with an enabled integration and an App Store app, and none where one is still queued", async () => {
    const a = await createAnalyticsWorld({ apps: 1 });
    const b = await createAnalyticsWorld({ apps: 1 });
    await db.integration.updateMany({ where: { projectId: b.projectId }, data: { enabled: false } });
    // A project whose app has no App Store id yet has nothing to read: no run that would fail every day.
    const c = await createAnalyticsWorld({ apps: 1 });
    await db.app.update({ where: { id: c.weatherId }, data: { appleAppStoreId: null } });
    const fanOut = async () => {
      let sent: { name: string; data: { projectId: string; runId: string } }[] = [];
      const t = new InngestTestEngine({
        function: analyticsSyncScheduled,
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
      return sent;
    };
    const sent = await fanOut();
    expect(sent.filter((e) => e.data.projectId === a.projectId)).toHaveLength(1);
    expect(sent.map((e) => e.data.projectId)).not.toContain(b.projectId);
    expect(sent.map((e) => e.data.projectId)).not.toContain(c.projectId);
    expect(sent.every((e) => e.name === "analytics/sync.requested")).toBe(true);
    expect(await db.syncRun.findFirstOrThrow({ where: { projectId: a.projectId, kind: "app_store_analytics_sync" } })).toMatchObject({ status: "queued", trigger: "schedule" });
    expect((await fanOut()).map((e) => e.data.projectId)).not.toContain(a.projectId);
  });
});

// Pins what Inngest registers for each function: a changed cron, trigger, concurrency or throttle is a
// deliberate change and must show up in review.
import { describe, expect, it } from "vitest";
import { EVENTS } from "@/inngest/events";
import { BACKGROUND_WORK, SYNC_JOBS } from "@/lib/jobs/registry";
import { functions } from "./index";
import { ratingsSyncRequested, ratingsSyncScheduled } from "./ratings";
import { versionSyncRequested, versionSyncScheduled } from "./versions";

const itunesBudget = { scope: "account", key: '"itunes-lookup"', limit: 1 };
const pick = (fn: { opts: object }) => {
  const { id, triggers, concurrency, throttle, singleton, retries } = fn.opts as Record<string, unknown>;
  return { id, triggers, concurrency, throttle, singleton, retries };
};

describe("registered Inngest functions", () => {
  it("serves the ratings and version functions", () => {
    for (const fn of [ratingsSyncScheduled, ratingsSyncRequested, versionSyncScheduled, versionSyncRequested]) expect(functions).toContain(fn);
  });

  it("ratings: daily at 04:30 UTC (one at a time) and on ratings/sync.requested (one per project, throttled)", () => {
    expect(pick(ratingsSyncScheduled)).toEqual({
      id: "ratings-sync-scheduled",
      triggers: [{ cron: "TZ=UTC 30 4 * * *" }],
      concurrency: [itunesBudget],
      throttle: undefined,
      singleton: { mode: "skip" },
      retries: 3,
    });
    expect(pick(ratingsSyncRequested)).toEqual({
      id: "ratings-sync-requested",
      triggers: [{ event: "ratings/sync.requested" }],
      concurrency: [{ key: "event.data.projectId", limit: 1 }, itunesBudget],
      throttle: { limit: 10, period: "1m" },
      singleton: undefined,
      retries: 3,
    });
  });

  it("versions: hourly at :15 UTC and on versions/sync.requested, sharing the iTunes budget", () => {
    expect(pick(versionSyncScheduled)).toEqual({
      id: "versions-sync-scheduled",
      triggers: [{ cron: "TZ=UTC 15 * * * *" }],
      concurrency: [itunesBudget],
      throttle: undefined,
      singleton: { mode: "skip" },
      retries: 3,
    });
    expect(pick(versionSyncRequested)).toEqual({
      id: "versions-sync-requested",
      triggers: [{ event: "versions/sync.requested" }],
      concurrency: [{ key: "event.data.projectId", limit: 1 }, itunesBudget],
      throttle: undefined,
      singleton: undefined,
      retries: 3,
    });
  });

  it("serve every background work of the registry: one work per event, one function listening to it", () => {
    const events = BACKGROUND_WORK.map((work) => work.event);
    expect([...events].sort()).toEqual(Object.values(EVENTS).sort());
    const triggers = functions.flatMap((fn) => ((fn.opts as { triggers?: { event?: string }[] }).triggers ?? []).flatMap((t) => (t.event ? [t.event] : [])));
    for (const event of events) expect(triggers.filter((t) => t === event), event).toHaveLength(1);
    expect(Object.values(SYNC_JOBS).map((job) => job.work.event).sort()).toEqual(
      [EVENTS.ratingsSyncRequested, EVENTS.reviewsSyncRequested, EVENTS.versionSyncRequested, EVENTS.salesSyncRequested, EVENTS.salesBackfillRequested, EVENTS.financeSyncRequested, EVENTS.playReviewsSyncRequested, EVENTS.playReviewsBackfillRequested, EVENTS.playRatingsSyncRequested, EVENTS.analyticsSyncRequested].sort(),
    );
  });

  it("registers the same configuration with the Inngest server", () => {
    const config = (ratingsSyncRequested as unknown as { getConfig(o: object): Array<Record<string, unknown>> }).getConfig({
      baseUrl: new URL("http://localhost:3000/api/inngest"),
      appPrefix: "starboard",
    });
    expect(config[0]).toMatchObject({
      id: "starboard-ratings-sync-requested",
      triggers: [{ event: "ratings/sync.requested" }],
      concurrency: [{ key: "event.data.projectId", limit: 1 }, itunesBudget],
      throttle: { limit: 10, period: "1m" },
    });
  });
});

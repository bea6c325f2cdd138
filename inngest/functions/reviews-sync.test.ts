// Pins what Inngest registers for the reviews sync: a change here changes production scheduling.
import { describe, expect, it } from "vitest";
import { functions } from "./index";
import { REVIEWS_SYNC_CRON, reviewsSyncProject, reviewsSyncScheduled } from "./reviews-sync";

type Config = { id: string; triggers: unknown; concurrency?: unknown; retries?: number };
const configOf = (fn: unknown) => (fn as { opts: Config }).opts;

describe("reviews sync Inngest functions", () => {
  it("are served", () => {
    expect(functions).toContain(reviewsSyncScheduled);
    expect(functions).toContain(reviewsSyncProject);
  });

  it("the nightly fan-out runs at 05:30 UTC", () => {
    expect(REVIEWS_SYNC_CRON).toBe("TZ=UTC 30 5 * * *");
    expect(configOf(reviewsSyncScheduled)).toMatchObject({ id: "reviews-sync-scheduled", triggers: [{ cron: "TZ=UTC 30 5 * * *" }] });
  });

  it("the project run listens to reviews/sync.requested, one at a time per project, with step retries", () => {
    expect(configOf(reviewsSyncProject)).toMatchObject({
      id: "reviews-sync-project",
      triggers: [{ event: "reviews/sync.requested" }],
      concurrency: [{ key: "event.data.projectId", limit: 1 }],
      retries: 3,
    });
  });
});

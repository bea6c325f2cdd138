// Pins what Inngest registers for the sales and finance report functions: a change here changes production scheduling.
import { describe, expect, it } from "vitest";
import { functions } from "./index";
import { FINANCE_SYNC_CRON, financeSyncProject, financeSyncScheduled, SALES_SYNC_CRON, salesBackfillProject, salesSyncProject, salesSyncScheduled } from "./sales";

const pick = (fn: unknown) => {
  const { id, triggers, concurrency, singleton, retries } = (fn as { opts: Record<string, unknown> }).opts;
  return { id, triggers, concurrency, singleton, retries };
};
const perProject = [{ scope: "env", key: '"sales:" + event.data.projectId', limit: 1 }];

describe("sales and finance report Inngest functions", () => {
  it("are served", () => {
    for (const fn of [salesSyncScheduled, salesSyncProject, salesBackfillProject, financeSyncScheduled, financeSyncProject]) expect(functions).toContain(fn);
  });
  it("check hourly for due sales days and daily for due finance months", () => {
    expect(SALES_SYNC_CRON).toBe("TZ=UTC 5 * * * *");
    expect(pick(salesSyncScheduled)).toEqual({ id: "sales-sync-scheduled", triggers: [{ cron: SALES_SYNC_CRON }], concurrency: undefined, singleton: { mode: "skip" }, retries: 3 });
    expect(FINANCE_SYNC_CRON).toBe("TZ=UTC 30 16 * * *");
    expect(pick(financeSyncScheduled)).toMatchObject({ id: "finance-sync-scheduled", triggers: [{ cron: FINANCE_SYNC_CRON }] });
  });
  it("run one sales sync or backfill at a time per project, with step retries", () => {
    expect(pick(salesSyncProject)).toEqual({ id: "sales-sync-project", triggers: [{ event: "sales/sync.requested" }], concurrency: perProject, singleton: undefined, retries: 3 });
    expect(pick(salesBackfillProject)).toEqual({ id: "sales-backfill-project", triggers: [{ event: "sales/backfill.requested" }], concurrency: perProject, singleton: undefined, retries: 3 });
    expect(pick(financeSyncProject)).toEqual({ id: "finance-sync-project", triggers: [{ event: "finance/sync.requested" }], concurrency: [{ key: "event.data.projectId", limit: 1 }], singleton: undefined, retries: 3 });
  });
});

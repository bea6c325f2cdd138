// The write side of the Sales and Finance reports against the simulator over HTTP: the vendor number saved with the
// integration (no new .p8), Test connection naming each reason a key cannot read the reports, the backfill on
// connect, "Sync reports" with one sales run per project at a time, and the status the integrations page polls.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { settleBackgroundWork } from "@/lib/jobs/dispatch";
import { actionResult } from "@/lib/operations/adapters/server-action";
import { queueProjectRun } from "@/lib/sync/runs";
import { useConfig } from "@/test/config";
import { addMember } from "@/test/fixtures";
import { createSalesWorld, reportsConfig, SALES_ISSUER, salesSimConfig, startSalesSim, VENDOR, type SalesKeyId, type SalesWorld } from "@/test/sales-world";
import type { RunningAppleSim } from "@/tools/apple-sim";
import * as ops from ".";

let apple: RunningAppleSim;
beforeAll(async () => {
  // Apple's newest daily report is yesterday's, as it would be, and it keeps two months (older days and fiscal months
  // answer 410): the backfill asks for the real last year, and imports those two months of it.
  apple = await startSalesSim({ ...reportsConfig, latestDay: undefined, rowsPerDay: 40, retentionDays: 60 });
});
afterAll(() => apple.stop());
useConfig(() => salesSimConfig(apple));
beforeEach(async () => {
  await settleBackgroundWork();
  apple.sim.reset();
});

const keyInput = (w: SalesWorld, keyId: SalesKeyId, extra: Record<string, unknown> = {}) => ({
  projectId: w.projectId,
  keyType: keyId === "INDIVSALES" ? "individual" : "team",
  issuerId: keyId === "INDIVSALES" ? "" : SALES_ISSUER,
  keyId,
  ...extra,
});
const save = (w: SalesWorld, keyId: SalesKeyId, extra: Record<string, unknown> = {}) => actionResult(ops.saveIntegration, w.caller, keyInput(w, keyId, extra) as never);
const runsOf = (w: SalesWorld) => db.syncRun.findMany({ where: { projectId: w.projectId }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, status: true, trigger: true, error: true } });
const status = async (w: SalesWorld, caller: Caller = w.caller) => {
  const result = await actionResult(ops.getReportsStatus, caller, { projectId: w.projectId });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

describe("the vendor number", () => {
  it("is saved with the integration without the .p8 again, tested at once, and starts the backfill of the year Apple keeps", async () => {
    const w = await createSalesWorld({ vendorNumber: null });
    const sealed = (await db.integration.findFirstOrThrow({ where: { projectId: w.projectId } })).privateKeyCiphertext;
    const saved = await save(w, "SALESADMIN", { vendorNumber: ` ${VENDOR} ` });
    expect(saved).toMatchObject({ ok: true, data: { vendorNumber: VENDOR, lastTest: { ok: true, reports: { sales: { ok: true, problem: null }, finance: { ok: true } } } } });
    const row = await db.integration.findFirstOrThrow({ where: { projectId: w.projectId } });
    expect(row.privateKeyCiphertext).toBe(sealed);
    expect(await db.auditLog.findFirst({ where: { teamId: w.teamId, action: "integration.updated" }, select: { metadata: true } })).toMatchObject({ metadata: { vendorNumber: VENDOR, keyReplaced: false } });

    await settleBackgroundWork();
    const runs = await runsOf(w);
    expect(runs.map((r) => [r.kind, r.status, r.trigger])).toEqual([
      ["app_store_sales_backfill", "succeeded", "manual"],
      ["app_store_finance_sync", "succeeded", "manual"],
    ]);
    const s = await status(w);
    expect(s.sales.days).toBe(365);
    // Every day Apple keeps is stored (Apple's newest may be a day later than Starboard's), the older ones are beyond
    // retention: nothing is pending, failed or left unasked.
    expect(s.sales).toMatchObject({ pending: 0, failed: 0, notAsked: 0 });
    expect(s.sales.imported + s.sales.noSales).toBeGreaterThanOrEqual(59);
    expect(s.sales.imported + s.sales.noSales + s.sales.unavailable).toBe(365);
    expect(s.salesRun).toMatchObject({ kind: "app_store_sales_backfill", status: "succeeded", progress: { daysDone: 365, daysTotal: 365 } });
    expect(s.finance).toMatchObject({ months: 12, pending: 0, failed: 0, notAsked: 0 });
    expect(s.finance.imported).toBeGreaterThanOrEqual(1);
    expect(s.finance.imported + s.finance.noReport).toBe(12);
    expect(await db.salesDailyFact.count({ where: { projectId: w.projectId } })).toBeGreaterThan(0);

    // Testing again does not start a second backfill: the year is stored.
    await actionResult(ops.testConnection, w.caller, { projectId: w.projectId });
    await settleBackgroundWork();
    expect(await runsOf(w)).toHaveLength(2);
  });

  it("comes along with a key copied from another project of the team, unless the project has its own", async () => {
    const w = await createSalesWorld();
    const second = await db.project.create({ data: { teamId: w.teamId, name: "Second" } });
    const copied = await actionResult(ops.copyIntegration, w.caller, { projectId: second.id, sourceProjectId: w.projectId });
    expect(copied).toMatchObject({ ok: true, data: { integration: { vendorNumber: VENDOR }, test: { reports: { sales: { ok: true } } } } });
    await db.integration.updateMany({ where: { projectId: second.id }, data: { vendorNumber: "12345" } });
    const again = await actionResult(ops.copyIntegration, w.caller, { projectId: second.id, sourceProjectId: w.projectId });
    expect(again).toMatchObject({ ok: true, data: { integration: { vendorNumber: "12345" } } });
  });

  it("that is not digits is a field error saying where to find it, and changes nothing", async () => {
    const w = await createSalesWorld({ vendorNumber: "85012345" });
    const before = await db.integration.findFirstOrThrow({ where: { projectId: w.projectId } });
    for (const bad of ["85O12345", "8501-2345", "1".repeat(21)]) {
      const result = await save(w, "SALESADMIN", { vendorNumber: bad });
      expect(result).toMatchObject({ ok: false, error: { code: "validation_failed", fieldErrors: { vendorNumber: expect.stringContaining("Payments and Financial Reports") } } });
    }
    expect(await db.integration.findFirstOrThrow({ where: { projectId: w.projectId } })).toEqual(before);
    expect(await runsOf(w)).toEqual([]);
    // Empty removes it; the key and its last test stay.
    const cleared = await save(w, "SALESADMIN", { vendorNumber: "" });
    expect(cleared).toMatchObject({ ok: true, data: { vendorNumber: null } });
  });
});

describe("test connection checks report access", () => {
  const probe = async (keyId: SalesKeyId, vendorNumber = VENDOR) => {
    const w = await createSalesWorld({ keyId, vendorNumber });
    const result = await actionResult(ops.testConnection, w.caller, { projectId: w.projectId });
    if (!result.ok) throw new Error(result.error.message);
    await settleBackgroundWork();
    return { w, reports: result.data.reports! };
  };

  it("a Sales and Reports key reads Sales but not Finance, and says what Finance needs", async () => {
    const { w, reports } = await probe("SALESONLY1");
    expect(reports.sales).toMatchObject({ ok: true });
    expect(reports.finance).toMatchObject({ ok: false, problem: "missing_role", status: 403, code: "FORBIDDEN_ERROR", hint: expect.stringContaining("Finance or Admin role") });
    // The backfill starts for Sales; Finance, which this key cannot read, is not asked for.
    expect((await runsOf(w)).map((r) => [r.kind, r.status])).toEqual([["app_store_sales_backfill", "succeeded"]]);
  });

  it("a key whose role reads no reports: Apple's 403 and the roles that can", async () => {
    const { w, reports } = await probe("SUPPORTKEY");
    expect(reports.sales).toMatchObject({ ok: false, problem: "missing_role", status: 403, hint: expect.stringContaining("Sales and Reports, Finance or Admin role") });
    expect(await runsOf(w)).toEqual([]);
  });

  it("an individual key cannot read Sales and Finance: said without asking Apple, no backfill", async () => {
    const { w, reports } = await probe("INDIVSALES");
    expect(reports.sales).toMatchObject({ ok: false, problem: "individual_key", status: null, hint: expect.stringContaining("team key") });
    expect(reports.finance).toMatchObject({ ok: false, problem: "individual_key" });
    expect(apple.sim.log.filter((l) => l.endpoint === "asc.salesReports" || l.endpoint === "asc.financeReports")).toHaveLength(0);
    expect(await runsOf(w)).toEqual([]);
  });

  it.each(["400", "403", "404"] as const)("a vendor number Apple does not accept for the key (answered %s) is named as such", async (answer) => {
    apple.sim.reports.update({ behaviours: { wrongVendorNumber: answer } });
    const { w, reports } = await probe("SALESADMIN", "99999999");
    expect(reports.sales).toMatchObject({ ok: false, problem: "wrong_vendor_number", status: Number(answer), hint: expect.stringContaining("vendor number") });
    expect(reports.finance).toMatchObject({ ok: false, problem: "wrong_vendor_number" });
    expect(await runsOf(w)).toEqual([]);
    if (answer !== "403") return;
    // Corrected, the next save tests again and the backfill starts.
    const fixed = await save(w, "SALESADMIN", { vendorNumber: VENDOR });
    expect(fixed).toMatchObject({ ok: true, data: { lastTest: { reports: { sales: { ok: true } } } } });
    await settleBackgroundWork();
    expect((await runsOf(w)).map((r) => r.kind)).toContain("app_store_sales_backfill");
  });

  it("without a vendor number, the key is tested and reports are not", async () => {
    const { w, reports } = await probe("SALESADMIN", null as never);
    expect(reports).toBeNull();
    expect(await runsOf(w)).toEqual([]);
  });
});

describe("Sync reports", () => {
  it("starts one sales run per project: a second request, and the daily sync, join the one going", async () => {
    const w = await createSalesWorld();
    const first = await actionResult(ops.requestReportsSync, w.caller, { projectId: w.projectId });
    const second = await actionResult(ops.requestReportsSync, w.caller, { projectId: w.projectId });
    expect(first).toMatchObject({ ok: true, data: { alreadyRunning: false, financeSkipped: null } });
    expect(second).toMatchObject({ ok: true, data: { alreadyRunning: true } });
    if (!first.ok || !second.ok) return;
    expect(second.data.runId).toBe(first.data.runId);
    const daily = await queueProjectRun("app_store_sales_sync", { teamId: w.teamId, projectId: w.projectId }, "schedule");
    expect(daily).toMatchObject({ alreadyRunning: true, run: { id: first.data.runId, kind: "app_store_sales_backfill" } });
    await settleBackgroundWork();
    const runs = await runsOf(w);
    expect(runs.filter((r) => r.kind === "app_store_sales_backfill" || r.kind === "app_store_sales_sync")).toHaveLength(1);

    // Afterwards it asks only for what is not stored yet.
    apple.sim.clearLog();
    const again = await actionResult(ops.requestReportsSync, w.caller, { projectId: w.projectId });
    expect(again).toMatchObject({ ok: true, data: { alreadyRunning: false } });
    await settleBackgroundWork();
    expect(apple.sim.log.filter((l) => l.endpoint === "asc.salesReports").length).toBeLessThan(5);
  });

  it("does not ask for Finance with a key the last test found without the Finance role", async () => {
    const w = await createSalesWorld({ keyId: "SALESONLY1" });
    await actionResult(ops.testConnection, w.caller, { projectId: w.projectId });
    await settleBackgroundWork();
    const result = await actionResult(ops.requestReportsSync, w.caller, { projectId: w.projectId });
    expect(result).toMatchObject({ ok: true, data: { financeRunId: null, financeSkipped: expect.stringContaining("Finance") } });
  });

  it("says what is missing: no vendor number, an individual key, a disabled integration", async () => {
    const none = await createSalesWorld({ vendorNumber: null });
    expect(await actionResult(ops.requestReportsSync, none.caller, { projectId: none.projectId })).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringContaining("vendor number") } });
    const individual = await createSalesWorld({ keyId: "INDIVSALES" });
    expect(await actionResult(ops.requestReportsSync, individual.caller, { projectId: individual.projectId })).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringContaining("team key") } });
    const disabled = await createSalesWorld();
    await db.integration.updateMany({ where: { projectId: disabled.projectId }, data: { enabled: false } });
    expect(await actionResult(ops.requestReportsSync, disabled.caller, { projectId: disabled.projectId })).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringContaining("Enable") } });
    for (const w of [none, individual, disabled]) expect(await runsOf(w)).toEqual([]);
  });
});

describe("the reports status", () => {
  it("is read by members, who may not sync", async () => {
    const w = await createSalesWorld();
    const member = await addMember(w.teamId, "member");
    const s = await status(w, member.caller);
    expect(s).toMatchObject({ vendorNumber: VENDOR, canSync: false, salesRun: null, sales: { days: 365, imported: 0, notAsked: 365 } });
    expect(await actionResult(ops.requestReportsSync, member.caller, { projectId: w.projectId })).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  it("shows a failed backfill with Apple's answer, and days Apple had not published as pending", async () => {
    const w = await createSalesWorld({ keyId: "SUPPORTKEY" });
    await actionResult(ops.requestReportsSync, w.caller, { projectId: w.projectId });
    await settleBackgroundWork();
    const failed = await status(w);
    expect(failed.salesRun).toMatchObject({ status: "failed", error: expect.stringContaining("403") });
    // The days in flight when Apple refused (two at a time) are failed; nothing else was asked.
    expect(failed.sales.failed).toBeGreaterThanOrEqual(1);
    expect(failed.sales.failed + failed.sales.notAsked).toBe(365);

    const ok = await createSalesWorld();
    const latest = failed.sales.to;
    apple.sim.addFault({ endpoint: "asc.salesReports", kind: "not_available_yet", date: latest });
    await actionResult(ops.requestReportsSync, ok.caller, { projectId: ok.projectId });
    await settleBackgroundWork();
    const pending = await status(ok);
    expect(pending.sales.pending).toBe(1);
    expect(pending.salesRun).toMatchObject({ status: "succeeded" });
  });
});

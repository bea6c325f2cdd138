// The reports family's control side over HTTP: its faults registered the family way (a fault that could never
// fire is refused), its configuration read and merged through /__sim/reports, and reset back to the scenario.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppleSim, type RunningAppleSim } from "..";

let apple: RunningAppleSim;
beforeAll(async () => {
  apple = await startAppleSim({ scenario: { reports: { vendorNumber: "85000001", latestDay: "2026-03-30", generatedApps: 2, rowsPerDay: 50 } } });
});
afterAll(() => apple.stop());

const post = (path: string, body: unknown) => fetch(`${apple.url}/__sim${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("reports endpoint family", () => {
  it("accepts its data faults on its endpoints and refuses one that could never fire", async () => {
    expect((await post("/faults", { endpoint: "asc.salesReports", kind: "renamed_column", date: "2026-03-30" })).status).toBe(201);
    const refused = await post("/faults", { endpoint: "asc.financeReports", kind: "bad_value" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/bad_value applies to asc.salesReports only/);
    expect((await post("/faults", { endpoint: "asc.reviews", kind: "not_available_yet" })).status).toBe(400);
    expect(apple.sim.listFaults().map((f) => f.spec)).toEqual([expect.objectContaining({ endpoint: "asc.salesReports", kind: "renamed_column", date: "2026-03-30", column: "Apple Identifier" })]);
  });

  it("reads and merges its configuration through /__sim/reports; reset restores the scenario's", async () => {
    const summary = (await (await fetch(`${apple.url}/__sim/reports`)).json()) as { vendorNumber: string; latestDay: string; apps: unknown[] };
    expect(summary).toMatchObject({ vendorNumber: "85000001", latestDay: "2026-03-30" });
    expect(summary.apps).toHaveLength(2);
    const merged = (await (await post("/reports", { behaviours: { financeReportDate: "calendar_month" } })).json()) as { behaviours: { financeReportDate: string; financeDetailRegions: string[] } };
    expect(merged.behaviours).toMatchObject({ financeReportDate: "calendar_month", financeDetailRegions: ["Z1"] });
    apple.sim.reset();
    expect(apple.sim.reports.config.behaviours.financeReportDate).toBe("fiscal_period");
    expect(apple.sim.listFaults()).toEqual([]);
  });
});

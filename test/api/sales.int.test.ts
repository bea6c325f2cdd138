// /api/v1 downloads and revenue over HTTP route handlers, with days the real sales sync stored from the simulator:
// decimals as text, pending days without figures, clear 400s for a bad range, and a key needs sales:read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/apple/asc/reports/values";
import { salesByAppSchema, salesSchema, salesSummarySchema } from "@/lib/api/v1/schemas/sales";
import { db } from "@/lib/db";
import { withConfig } from "@/lib/env";
import { syncSalesReports } from "@/lib/sync/sales/sync-sales";
import { inlineSteps } from "@/lib/sync/steps";
import { createSalesWorld, LATEST_DAY, NOW, salesSimConfig, startSalesSim, type SalesWorld } from "@/test/sales-world";
import type { RunningAppleSim } from "@/tools/apple-sim";
import * as projectSales from "@/app/api/v1/projects/[projectId]/sales/route";
import * as projectSalesApps from "@/app/api/v1/projects/[projectId]/sales/apps/route";
import * as projectSalesSummary from "@/app/api/v1/projects/[projectId]/sales/summary/route";
import * as appSales from "@/app/api/v1/apps/[appId]/sales/route";
import { agentKeyFor, callRoute } from "./harness";

let apple: RunningAppleSim;
let w: SalesWorld;
let salesKey: string;
let readKey: string;

beforeAll(async () => {
  apple = await startSalesSim();
  w = await createSalesWorld();
  apple.sim.addFault({ endpoint: "asc.salesReports", kind: "not_available_yet", date: LATEST_DAY });
  await withConfig(salesSimConfig(apple), () =>
    syncSalesReports({ projectId: w.projectId, trigger: "manual", steps: inlineSteps, mode: "daily", now: NOW, days: [0, 1, 2].map((i) => addDays(LATEST_DAY, -i)) }),
  );
  const owner = { kind: "user" as const, userId: (await db.teamMember.findFirstOrThrow({ where: { teamId: w.teamId, role: "owner" } })).userId };
  salesKey = (await agentKeyFor(w.teamId, owner, { permissions: ["reviews:read", "sales:read"] })).key;
  readKey = (await agentKeyFor(w.teamId, owner)).key;
}, 60_000);
afterAll(() => apple.stop());

const project = (query: Record<string, string>, key = salesKey) => callRoute(projectSales.GET, `/projects/${w.projectId}/sales`, { key, params: { projectId: w.projectId }, query });

describe("GET /projects/{projectId}/sales", () => {
  it("answers every day of the range with exact decimals as text; the day Apple has not published is pending with no figures", async () => {
    const res = await project({ from: addDays(LATEST_DAY, -2), to: LATEST_DAY });
    expect(res.status).toBe(200);
    const body = salesSchema.parse(res.json);
    if (body.groupBy !== "day") throw new Error("grouped by day");
    expect(body.days.map((d) => [d.date, d.state])).toEqual([
      [addDays(LATEST_DAY, -2), "imported"],
      [addDays(LATEST_DAY, -1), "imported"],
      [LATEST_DAY, "pending"],
    ]);
    expect(res.json.days[2].figures).toBeNull();
    const figures = res.json.days[1].figures;
    expect(typeof figures.downloads).toBe("string");
    expect(figures.proceeds.every((p: { amount: unknown }) => typeof p.amount === "string")).toBe(true);
    // No finance report yet: no team currency, nothing converted.
    expect(body.teamCurrency).toEqual({ code: null, estimatedMonths: [] });
    expect(figures.converted).toBeNull();
  });

  it("by country sums to the days", async () => {
    const day = addDays(LATEST_DAY, -1);
    const [byDay, byCountry] = await Promise.all([project({ from: day, to: day }), project({ from: day, to: day, groupBy: "country" })]);
    expect(byCountry.status).toBe(200);
    const countries = byCountry.json.countries as { countryCode: string; downloads: string }[];
    expect(countries.length).toBeGreaterThan(1);
    expect(countries.reduce((s, c) => s + Number(c.downloads), 0)).toBe(Number(byDay.json.days[0].figures.downloads));
  });

  it("400 with the field and what to fix for a reversed, too long or impossible range and an unknown grouping", async () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ from: "2026-03-10", to: "2026-03-01" }, "from", /after to.*swap them/],
      [{ from: "2020-01-01", to: "2026-03-01" }, "from", /at most 731/],
      [{ from: "2026-02-30" }, "from", /YYYY-MM-DD/],
      [{ to: "yesterday" }, "to", /YYYY-MM-DD/],
      [{ groupBy: "month" }, "groupBy", /day or country/],
    ];
    for (const [query, field, message] of cases) {
      const res = await project(query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.json.error).toMatchObject({ code: "validation_failed", message: expect.stringMatching(message), fieldErrors: { [field]: expect.stringMatching(message) } });
    }
  });

  it("403 for a key without sales:read, naming it", async () => {
    const res = await project({}, readKey);
    expect(res.status).toBe(403);
    expect(res.json.error.message).toContain('"sales:read"');
  });
});

describe("the other sales endpoints", () => {
  it("per app, the summary and one app answer in their documented shapes", async () => {
    const apps = await callRoute(projectSalesApps.GET, `/projects/${w.projectId}/sales/apps`, { key: salesKey, params: { projectId: w.projectId }, query: { from: addDays(LATEST_DAY, -2), to: LATEST_DAY } });
    expect(apps.status).toBe(200);
    expect(salesByAppSchema.parse(apps.json).apps.map((a) => a.name).sort()).toEqual(["Breeze Weather", "Notes"]);
    const summary = await callRoute(projectSalesSummary.GET, `/projects/${w.projectId}/sales/summary`, { key: salesKey, params: { projectId: w.projectId } });
    expect(summary.status).toBe(200);
    expect(salesSummarySchema.parse(summary.json).reports).toMatchObject({ connected: true, latestDay: addDays(LATEST_DAY, -1) });
    const app = await callRoute(appSales.GET, `/apps/${w.weatherId}/sales`, { key: salesKey, params: { appId: w.weatherId }, query: { from: addDays(LATEST_DAY, -1), to: addDays(LATEST_DAY, -1), groupBy: "country" } });
    expect(app.status).toBe(200);
    expect(salesSchema.parse(app.json)).toMatchObject({ groupBy: "country", from: addDays(LATEST_DAY, -1) });
  });

  it("without from and to: the 30 days up to the newest day Apple publishes", async () => {
    const res = await project({});
    expect(res.status).toBe(200);
    expect(res.json.days).toHaveLength(30);
    expect(addDays(res.json.from, 29)).toBe(res.json.to);
  });
});

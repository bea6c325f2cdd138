import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateTestKeyPair, startAppleSim, type RunningAppleSim } from "@/tools/apple-sim";
import { AscForbiddenError, AscRateLimitError, AscTransientError } from "../errors";
import { createAscTokenCache, type AscCredentials } from "../token";
import { createReportsClient, createReportsStats, type ReportsClientConfig } from "./client";
import { probeReportAccess } from "./probe";
import { discardSink, readReport } from "./read-report";
import { SalesRowMapper } from "./sales-rows";

const team = generateTestKeyPair();
const sales = generateTestKeyPair();
const support = generateTestKeyPair();
const individual = generateTestKeyPair();
const ISSUER = "69a6de7e-1111-47e3-e053-5b8c7c11a4d1";
const VENDOR = "85012345";

let apple: RunningAppleSim;
let config: ReportsClientConfig;
const creds = (keyId: string, privateKeyPem: string, keyType: "team" | "individual" = "team"): AscCredentials => ({ keyType, issuerId: keyType === "team" ? ISSUER : null, keyId, privateKeyPem });
const admin = () => creds("ADMINKEY01", team.privateKeyPem);

beforeAll(async () => {
  apple = await startAppleSim({
    scenario: {
      keys: [
        { keyId: "ADMINKEY01", issuerId: ISSUER, type: "team", publicKeyPem: team.publicKeyPem },
        { keyId: "SALESKEY01", issuerId: ISSUER, type: "team", publicKeyPem: sales.publicKeyPem },
        { keyId: "SUPPORTK01", issuerId: ISSUER, type: "team", publicKeyPem: support.publicKeyPem },
        { keyId: "INDIVKEY01", type: "individual", publicKeyPem: individual.publicKeyPem },
      ],
      reports: {
      vendorNumber: VENDOR,
      latestDay: "2026-03-30",
      noSalesDays: ["2026-03-01"],
      generatedApps: 3,
      rowsPerDay: 400,
      roles: { SALESKEY01: ["SALES_AND_REPORTS"], SUPPORTK01: ["CUSTOMER_SUPPORT"] },
      },
    },
  });
  config = { baseUrl: apple.ascBaseUrl, callsPerMinute: 0, backoffBaseMs: 1, backoffMaxMs: 5, rateLimitBackoffMs: 5 };
});
afterAll(() => apple.stop());
// Each test mints its own tokens: the simulator's reset forgets the ones it issued.
beforeEach(() => {
  config = { ...config, tokenCache: createAscTokenCache() };
});
afterEach(() => {
  apple.sim.reset();
});

const daily = (reportDate: string) => ({ vendorNumber: VENDOR, reportType: "SALES" as const, reportSubType: "SUMMARY" as const, frequency: "DAILY" as const, reportDate });

describe("reports client against the simulator", () => {
  it("streams a day's gzip TSV into the row mapper", async () => {
    const answer = await createReportsClient(admin(), config).salesReport(daily("2026-03-30"));
    expect(answer.kind).toBe("file");
    if (answer.kind !== "file") return;
    const mapper = new SalesRowMapper("2026-03-30");
    const read = await readReport(answer.body, mapper.onRecord, discardSink());
    const summary = mapper.summary();
    expect(summary.rows).toBeGreaterThan(300);
    expect(summary.unknownColumns).toEqual([]);
    expect(summary.identifiers.some((i) => i.inApp && i.parentIdentifier === "app.1")).toBe(true);
    expect(read.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("tells a zero day, a day not published yet and a day beyond retention apart", async () => {
    const client = createReportsClient(admin(), config);
    expect((await client.salesReport(daily("2026-03-01"))).kind).toBe("no_sales");
    expect((await client.salesReport(daily("2026-03-31"))).kind).toBe("not_available_yet");
    const old = await client.salesReport(daily("2025-03-30"));
    expect(old).toMatchObject({ kind: "unavailable", status: 410 });
  });

  it("waits out a 429 and retries a 500, counting both", async () => {
    apple.sim.addFault({ endpoint: "asc.salesReports", kind: 429, count: 1 });
    apple.sim.addFault({ endpoint: "asc.salesReports", kind: 500, count: 1 });
    const stats = createReportsStats();
    const answer = await createReportsClient(admin(), config, stats).salesReport(daily("2026-03-30"));
    expect(answer.kind).toBe("file");
    if (answer.kind === "file") answer.body.destroy();
    expect(stats).toMatchObject({ rateLimitWaits: 1, retries: 1, requests: 3 });
  });

  it("gives up on a 429 that outlasts its wait budget and on a 500 that outlasts its retries, with Apple's code", async () => {
    apple.sim.addFault({ endpoint: "asc.salesReports", kind: 429 });
    await expect(createReportsClient(admin(), { ...config, maxRateLimitWaitMs: 10 }).salesReport(daily("2026-03-30"))).rejects.toBeInstanceOf(AscRateLimitError);
    apple.sim.clearFaults();
    apple.sim.addFault({ endpoint: "asc.salesReports", kind: 500 });
    const error = await createReportsClient(admin(), { ...config, maxRetries: 2 }).salesReport(daily("2026-03-30")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscTransientError);
    expect(error).toMatchObject({ status: 500, code: "UNEXPECTED_ERROR" });
  });

  it("refuses a key whose role cannot read Finance with Apple's 403", async () => {
    const error = await createReportsClient(creds("SALESKEY01", sales.privateKeyPem), config).financeReport({ vendorNumber: VENDOR, reportType: "FINANCIAL", regionCode: "ZZ", reportDate: "2026-04" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AscForbiddenError);
  });
});

describe("report access probe", () => {
  it("passes a key that can read both", async () => {
    const probe = await probeReportAccess({ credentials: admin(), vendorNumber: VENDOR, client: config, now: new Date("2026-03-31T18:00:00Z") });
    expect(probe.sales).toMatchObject({ ok: true, problem: null, status: 200 });
    expect(probe.finance.ok).toBe(true);
  });
  it("says a Sales and Reports key reads Sales but not Finance", async () => {
    const probe = await probeReportAccess({ credentials: creds("SALESKEY01", sales.privateKeyPem), vendorNumber: VENDOR, client: config, now: new Date("2026-03-31T18:00:00Z") });
    expect(probe.sales.ok).toBe(true);
    expect(probe.finance).toMatchObject({ ok: false, problem: "missing_role", status: 403, code: "FORBIDDEN_ERROR" });
    expect(probe.finance.hint).toMatch(/Finance or Admin role/);
  });
  it("says a key without a sales role lacks the role, with Apple's status and code", async () => {
    const probe = await probeReportAccess({ credentials: creds("SUPPORTK01", support.privateKeyPem), vendorNumber: VENDOR, client: config });
    expect(probe.sales).toMatchObject({ ok: false, problem: "missing_role", status: 403, code: "FORBIDDEN_ERROR" });
    expect(probe.sales.hint).toMatch(/Sales and Reports, Finance or Admin/);
  });
  it("says an individual key cannot read the reports", async () => {
    const probe = await probeReportAccess({ credentials: creds("INDIVKEY01", individual.privateKeyPem, "individual"), vendorNumber: VENDOR, client: config });
    expect(probe.sales).toMatchObject({ ok: false, problem: "individual_key" });
    expect(probe.sales.hint).toMatch(/team key/);
  });
  it.each(["400", "403", "404"] as const)("recognises a wrong vendor number answered with %s", async (answer) => {
    apple.sim.reports.update({ behaviours: { wrongVendorNumber: answer } });
    const probe = await probeReportAccess({ credentials: admin(), vendorNumber: "999", client: config });
    expect(probe.sales).toMatchObject({ ok: false, problem: "wrong_vendor_number", status: Number(answer) });
    expect(probe.finance.problem).toBe("wrong_vendor_number");
  });
  it("asks for a vendor number before calling Apple", async () => {
    const probe = await probeReportAccess({ credentials: admin(), vendorNumber: null, client: config });
    expect(probe.sales).toMatchObject({ ok: false, problem: "no_vendor_number", status: null });
  });
});

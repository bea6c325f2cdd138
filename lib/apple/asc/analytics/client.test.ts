// The analytics client against the simulator's Analytics Reports family over HTTP: the request chain down to a
// segment's bytes, the presigned download refused with a bearer token, after its expiry and when tampered with,
// a 409 as "exists", a 404 as null, and the family's control side.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTestKeyPair, startAppleSim, type RunningAppleSim } from "@/tools/apple-sim";
import { AscForbiddenError } from "../errors";
import { createAscTokenCache, type AscCredentials } from "../token";
import { createAnalyticsClient } from "./client";
import { AnalyticsUrlExpiredError } from "./errors";

const admin = generateTestKeyPair();
const sales = generateTestKeyPair();
const ISSUER = "1d2e3f40-3333-47e3-e053-5b8c7c11a4d1";
const creds = (keyId: string, pem: string): AscCredentials => ({ keyType: "team", issuerId: ISSUER, keyId, privateKeyPem: pem });
let apple: RunningAppleSim;

beforeAll(async () => {
  apple = await startAppleSim({
    scenario: {
      keys: [
        { keyId: "CLIADMIN01", issuerId: ISSUER, type: "team", publicKeyPem: admin.publicKeyPem },
        { keyId: "CLISALES01", issuerId: ISSUER, type: "team", publicKeyPem: sales.publicKeyPem },
      ],
      reports: { roles: { CLISALES01: ["SALES_AND_REPORTS"] } },
      analytics: { apps: [{ appleId: "1476097583", name: "Example" }], latestProcessingDate: "2026-03-31", retentionDays: 3, territories: 1 },
    },
  });
});
afterAll(() => apple.stop());

const client = (keyId = "CLIADMIN01", pem = admin.privateKeyPem) =>
  createAnalyticsClient(creds(keyId, pem), { baseUrl: apple.ascBaseUrl, callsPerMinute: 0, tokenCache: createAscTokenCache(), backoffBaseMs: 1, backoffMaxMs: 2 });

describe("analytics client", () => {
  it("walks request → reports → DAILY instances → segments → verified gzip bytes; a second POST is `exists`", async () => {
    const c = client();
    const created = await c.createRequest("1476097583", "ONGOING");
    expect(created.kind).toBe("created");
    expect(await c.createRequest("1476097583", "ONGOING")).toEqual({ kind: "exists" });
    const [request] = await c.listRequests("1476097583", "ONGOING");
    const reports = await c.listReports(request.id);
    const downloads = reports.find((r) => r.name === "App Downloads Standard")!;
    expect(downloads.id).toBe(`r1-${request.id}`);
    const instances = await c.listDailyInstances(downloads.id);
    expect(instances.map((i) => i.processingDate)).toEqual(["2026-03-29", "2026-03-30", "2026-03-31"]);
    const segments = (await c.listSegments(instances[0].id))!;
    const gz = await c.downloadSegment(segments[0]);
    expect(gz.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(await c.listSegments("no-such-instance")).toBeNull();
    expect(await c.getRequest("no-such-request")).toBeNull();
    await expect(client("CLISALES01", sales.privateKeyPem).createRequest("1476097583", "ONE_TIME_SNAPSHOT")).rejects.toBeInstanceOf(AscForbiddenError);

    // The storage refuses the bearer token, a tampered signature and an expired link.
    const url = segments[0].url;
    expect((await fetch(url, { headers: { authorization: "Bearer x" } })).status).toBe(400);
    expect((await fetch(url.replace(/X-Amz-Signature=[0-9a-f]{4}/, "X-Amz-Signature=0000"))).status).toBe(403);
    apple.sim.analytics.update({ urlTtlMs: 1 });
    await new Promise((r) => setTimeout(r, 5));
    await expect(c.downloadSegment(segments[0])).rejects.toBeInstanceOf(AnalyticsUrlExpiredError);
  });

  it("the family's control side: configuration read and merged through /__sim/analytics, faults only where they can fire", async () => {
    const post = (path: string, body: unknown) => fetch(`${apple.url}/__sim${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const merged = (await (await post("/analytics", { behaviours: { checksumOf: "text" } })).json()) as { behaviours: { checksumOf: string; crashesReportName: string } };
    expect(merged.behaviours).toEqual(expect.objectContaining({ checksumOf: "text", crashesReportName: "App Crashes" }));
    expect((await post("/faults", { endpoint: "analytics.segmentDownload", kind: "expired_url", count: 1 })).status).toBe(201);
    const refused = await post("/faults", { endpoint: "asc.analyticsReports.instances", kind: "bad_checksum" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/bad_checksum applies to asc.analyticsReportInstances.segments only/);
    const summary = (await (await fetch(`${apple.url}/__sim/analytics`)).json()) as { posts: unknown[] };
    expect(summary.posts).toEqual([
      { appleId: "1476097583", accessType: "ONGOING", status: 201 },
      { appleId: "1476097583", accessType: "ONGOING", status: 409 },
      { appleId: "1476097583", accessType: "ONE_TIME_SNAPSHOT", status: 403 },
    ]);
  });
});

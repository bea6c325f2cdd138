import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateTestKeyPair, startAppleSim, type RunningAppleSim, type Scenario } from "@/tools/apple-sim";
import { createAscClient, createAscStats, type AscClientOptions } from "./client";
import {
  AscAgreementError,
  AscAuthError,
  AscForbiddenError,
  AscNotFoundError,
  AscRateLimitError,
  AscTransientError,
  AscValidationError,
} from "./errors";
import { createAscTokenCache, type AscCredentials, type AscTokenCache } from "./token";

const team = generateTestKeyPair();
const individual = generateTestKeyPair();
const ISSUER = "69a6de7e-1111-47e3-e053-5b8c7c11a4d1";

const scenario: Scenario = {
  apps: [
    { trackId: 1, bundleId: "com.example.weather", name: "Weather", ascAppId: "100", storefronts: { us: { averageRating: 4.5, ratingCount: 10 } } },
    { trackId: 2, bundleId: "com.example.notes", name: "Notes", ascAppId: "200", storefronts: {} },
  ],
  keys: [
    { keyId: "TEAMKEY001", issuerId: ISSUER, type: "team", publicKeyPem: team.publicKeyPem },
    { keyId: "INDIVKEY01", type: "individual", publicKeyPem: individual.publicKeyPem, apps: ["200"] },
  ],
  reviews: {
    "100": {
      items: [
        { id: "r-new", territory: "XKS", rating: 1, body: "Crashes", nickname: "k", createdDate: "2026-02-01T00:00:00Z" },
        { id: "r-replied", territory: "DEU", rating: 4, title: "Gut", body: "Sehr gut", nickname: "d", createdDate: "2026-01-31T00:00:00Z", response: { id: "resp-old", body: "Danke!" } },
      ],
      generate: { count: 450, seed: 7, responseShare: 0.3 },
    },
    "200": [{ id: "r-notes", territory: "USA", rating: 5, body: "Nice", nickname: "n", createdDate: "2026-01-01T00:00:00Z" }],
  },
};

let apple: RunningAppleSim;
const teamCreds: AscCredentials = { keyType: "team", issuerId: ISSUER, keyId: "TEAMKEY001", privateKeyPem: team.privateKeyPem };
const fast = { backoffBaseMs: 5, backoffMaxMs: 20, timeoutMs: 500, rateLimitBackoffMs: 20, maxRateLimitWaitMs: 100 } satisfies Partial<AscClientOptions>;

beforeAll(async () => {
  apple = await startAppleSim({ scenario, options: { publishDelayMs: null, pendingVisibility: 0 } });
});
afterAll(() => apple.stop());
afterEach(() => {
  apple.sim.reset();
});

// Each test mints its own tokens.
let tokenCache: AscTokenCache;
beforeEach(() => {
  tokenCache = createAscTokenCache();
});

function client(extra: Partial<AscClientOptions> = {}) {
  return createAscClient({ credentials: teamCreds, baseUrl: apple.ascBaseUrl, tokenCache, ...fast, ...extra });
}

describe("auth", () => {
  it("lists the apps a team key sees, reusing one token", async () => {
    const c = client();
    expect(await c.listApps()).toEqual([
      { id: "100", name: "Weather", bundleId: "com.example.weather" },
      { id: "200", name: "Notes", bundleId: "com.example.notes" },
    ]);
    await c.listApps();
    expect(apple.sim.counters.byStatus["200"]).toBe(2);
    expect(c.rateLimit).toEqual({ limit: 3600, remaining: 3598 });
  });

  it("signs individual keys with sub=user and sees only that key's apps", async () => {
    const c = client({ credentials: { keyType: "individual", keyId: "INDIVKEY01", privateKeyPem: individual.privateKeyPem } });
    expect((await c.listApps()).map((a) => a.id)).toEqual(["200"]);
    await expect(c.getReview("r-new")).resolves.toBeNull();
  });

  it("raises AscAuthError for a key Apple does not know, without leaking the token or key", async () => {
    const other = generateTestKeyPair();
    const stats = createAscStats();
    const err = await client({ stats, credentials: { ...teamCreds, privateKeyPem: other.privateKeyPem } }).listApps().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AscAuthError);
    expect(err).toMatchObject({ status: 401, code: "NOT_AUTHORIZED" });
    expect((err as Error).message).not.toMatch(/eyJ|PRIVATE KEY/);
    expect(JSON.stringify(err)).not.toMatch(/eyJ|PRIVATE KEY/);
    expect(stats.tokenRefreshes).toBe(1); // one fresh token, one retry, then give up
  });

  it("rejects a wrong issuer", async () => {
    await expect(client({ credentials: { ...teamCreds, issuerId: "someone-else" } }).listApps()).rejects.toBeInstanceOf(AscAuthError);
  });

  it("mints a new token and retries once after a 401", async () => {
    apple.sim.addFault({ endpoint: "asc.apps", kind: 401, nth: 1 });
    const stats = createAscStats();
    expect(await client({ stats }).listApps()).toHaveLength(2);
    expect(stats).toMatchObject({ requests: 2, tokenRefreshes: 1 });
  });
});

describe("reviews", () => {
  it("pages through every review newest first with responses joined", async () => {
    const pages = [];
    for await (const page of client().listCustomerReviews("100")) pages.push(page);
    expect(pages.map((p) => p.reviews.length)).toEqual([200, 200, 52]);
    expect(pages[0].total).toBe(452);
    const all = pages.flatMap((p) => p.reviews);
    expect(new Set(all.map((r) => r.id)).size).toBe(452);
    expect(all[0]).toMatchObject({ id: "r-new", territory: "XKS", countryCode: "xk", title: null, response: null });
    expect(all[1].response).toMatchObject({ id: "resp-old", body: "Danke!", state: "PUBLISHED" });
    const dates = all.map((r) => Date.parse(r.createdDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(all.filter((r) => r.response).length).toBeGreaterThan(100);
    expect(pages[2].nextUrl).toBeNull();
  });

  it("can resume from a next URL", async () => {
    const it1 = client().listCustomerReviews("100", { limit: 10 });
    const first = (await it1.next()).value!;
    const resumed = (await client().listCustomerReviews("100", { limit: 10, startUrl: first.nextUrl! }).next()).value!;
    expect(resumed.reviews[0].id).not.toBe(first.reviews[0].id);
    expect(resumed.reviews).toHaveLength(10);
  });

  it("reads one review; a review deleted on Apple's side is null", async () => {
    expect((await client().getReview("r-replied"))?.response?.id).toBe("resp-old");
    apple.sim.deleteReview("r-replied");
    expect(await client().getReview("r-replied")).toBeNull();
  });
});

describe("responses", () => {
  it("creates, replaces (new id), reads and deletes a response", async () => {
    const c = client();
    const created = await c.createOrReplaceResponse("r-new", "Sorry! Fixed in 2.1.");
    expect(created).toMatchObject({ body: "Sorry! Fixed in 2.1.", state: "PENDING_PUBLISH", reviewId: "r-new" });
    const replaced = await c.createOrReplaceResponse("r-new", "Fixed in 2.1.1.");
    expect(replaced.id).not.toBe(created.id);
    expect(await c.getResponse(created.id)).toBeNull();
    expect(await c.getResponse(replaced.id)).toMatchObject({ state: "PENDING_PUBLISH" });
    apple.sim.publishResponses(replaced.id);
    expect(await c.getResponse(replaced.id)).toMatchObject({ state: "PUBLISHED", body: "Fixed in 2.1.1." });
    await c.deleteResponse(replaced.id);
    expect(await c.getResponse(replaced.id)).toBeNull();
    await expect(c.deleteResponse(replaced.id)).rejects.toBeInstanceOf(AscNotFoundError);
  });

  it("refuses empty and over-long replies before calling Apple", async () => {
    await expect(client().createOrReplaceResponse("r-new", " ")).rejects.toBeInstanceOf(AscValidationError);
    await expect(client().createOrReplaceResponse("r-new", "x".repeat(5971))).rejects.toBeInstanceOf(AscValidationError);
    expect(apple.sim.counters.total).toBe(0);
  });

  it("a reply removed on Apple's side reads as null", async () => {
    apple.sim.deleteResponse("resp-old");
    expect(await client().getResponse("resp-old")).toBeNull();
    expect((await client().getReview("r-replied"))?.response).toBeNull();
  });
});

describe("errors and retries", () => {
  it("maps 403s to forbidden (role) and agreement errors", async () => {
    apple.sim.addFault({ endpoint: "asc.reviews", kind: 403, nth: 1 });
    apple.sim.addFault({ endpoint: "asc.apps", kind: "agreement" });
    const forbidden = await client().listCustomerReviews("100").next().catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(AscForbiddenError);
    expect((forbidden as AscForbiddenError).hint).toMatch(/Customer Support/);
    const agreement = await client().listApps().catch((e: unknown) => e);
    expect(agreement).toBeInstanceOf(AscAgreementError);
    expect(agreement).toMatchObject({ code: "FORBIDDEN.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED" });
  });

  it("retries 5xx, timeouts and malformed JSON, then succeeds", async () => {
    apple.sim.addFault({ endpoint: "asc.apps", kind: 500, nth: 1 });
    apple.sim.addFault({ endpoint: "asc.apps", kind: "timeout", nth: 2 });
    apple.sim.addFault({ endpoint: "asc.apps", kind: "malformed", nth: 3 });
    const stats = createAscStats();
    expect(await client({ stats, timeoutMs: 200 }).listApps()).toHaveLength(2);
    expect(stats).toMatchObject({ requests: 4, retries: 3 });
  });

  it("gives up with AscTransientError after maxRetries", async () => {
    apple.sim.addFault({ endpoint: "asc.response.get", kind: 503 });
    const stats = createAscStats();
    const err = await client({ stats, maxRetries: 2 }).getResponse("resp-old").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AscTransientError);
    expect(err).toMatchObject({ status: 503, kind: "server" });
    expect(stats.requests).toBe(3);
  });

  it("waits out a 429 honouring Retry-After, within the bounded total wait", async () => {
    apple.sim.addFault({ endpoint: "asc.apps", kind: 429, count: 2, retryAfter: 0 });
    const stats = createAscStats();
    expect(await client({ stats }).listApps()).toHaveLength(2);
    expect(stats.rateLimitWaits).toBe(2);
  });

  it("raises AscRateLimitError with the remaining budget when the hour is spent", async () => {
    apple.sim.addKey({ keyId: "TEAMKEY001", issuerId: ISSUER, type: "team", publicKeyPem: team.publicKeyPem, hourlyLimit: 2 });
    const stats = createAscStats();
    const c = client({ stats });
    await c.listApps();
    await c.listApps();
    const err = await c.listApps().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AscRateLimitError);
    expect(err).toMatchObject({ status: 429, code: "RATE_LIMIT_EXCEEDED", rateLimit: { limit: 2, remaining: 0 } });
    expect(stats.rateLimitWaits).toBeGreaterThan(0);
    expect(stats.rateLimitWaitMs).toBeLessThanOrEqual(100);
  });
});

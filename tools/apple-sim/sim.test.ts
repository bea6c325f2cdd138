// The simulator's own contract: what later tests, the e2e suite and the demo rely on.
import { SignJWT, importPKCS8 } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { STOREFRONT_CODES } from "../../lib/apple/storefronts";
import { generateTestKeyPair, startAppleSim, type RunningAppleSim } from "./index";

const pair = generateTestKeyPair();
const ISSUER = "issuer-1";
let apple: RunningAppleSim;

async function token(claims: Record<string, unknown> = {}, opts: { kid?: string; lifetime?: number; iss?: string | null; sub?: string } = {}) {
  const key = await importPKCS8(pair.privateKeyPem, "ES256");
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid: opts.kid ?? "KEY1", typ: "JWT" }).setIssuedAt(now).setExpirationTime(now + (opts.lifetime ?? 900)).setAudience("appstoreconnect-v1");
  if (opts.iss !== null) jwt.setIssuer(opts.iss ?? ISSUER);
  if (opts.sub) jwt.setSubject(opts.sub);
  return jwt.sign(key);
}

async function asc(path: string, init: RequestInit & { jwt?: string } = {}) {
  const res = await fetch(`${apple.url}${path}`, { ...init, headers: { authorization: `Bearer ${init.jwt ?? (await token())}`, "content-type": "application/json" } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${apple.url}/__sim${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

beforeAll(async () => {
  apple = await startAppleSim({
    scenario: {
      apps: [
        { trackId: 11, bundleId: "com.example.weather", name: "Weather", ascAppId: "A1", storefronts: { all: { averageRating: 4.83333, ratingCount: 1200 }, fr: "no_ratings", de: "not_sold" } },
        { trackId: 12, bundleId: "com.example.hidden", name: "Hidden", ascAppId: "A2", storefronts: { us: { averageRating: 3, ratingCount: 0 } } },
      ],
      keys: [
        { keyId: "KEY1", issuerId: ISSUER, type: "team", publicKeyPem: pair.publicKeyPem, apps: ["A1"] },
        { keyId: "IND1", type: "individual", publicKeyPem: pair.publicKeyPem },
      ],
      reviews: { A1: { items: [{ id: "x1", territory: "XKS", rating: 2, body: "meh", nickname: "n", createdDate: "2030-01-01T00:00:00Z" }], generate: { count: 100_000, seed: 3 } } },
    },
    options: { publishDelayMs: null, pendingVisibility: 1 },
  });
});
afterAll(() => apple.stop());
afterEach(() => apple.sim.reset());

describe("iTunes lookup", () => {
  it("answers in Apple's field shapes", async () => {
    const text = await (await fetch(`${apple.url}/lookup?country=us&entity=software&id=11,12,99`)).text();
    expect(text).toMatch(/"averageUserRating":4\.83333000000000\d+/);
    const json = JSON.parse(text);
    expect(json.resultCount).toBe(2);
    expect(typeof json.results[0].fileSizeBytes).toBe("string");
    expect(json.results[1]).toMatchObject({ trackId: 12, userRatingCount: 0 });
  });

  it("omits rating fields without ratings and leaves out apps not sold", async () => {
    const fr = await (await fetch(`${apple.url}/lookup?country=fr&bundleId=com.example.weather`)).json();
    expect(fr.results[0]).not.toHaveProperty("averageUserRating");
    expect(fr.results[0]).not.toHaveProperty("userRatingCount");
    const de = await (await fetch(`${apple.url}/lookup?country=de&id=11`)).json();
    expect(de).toEqual({ resultCount: 0, results: [] });
  });

  it("knows exactly the 175 storefronts", async () => {
    expect(STOREFRONT_CODES).toHaveLength(175);
    expect((await fetch(`${apple.url}/lookup?country=xk&id=11`)).status).toBe(200);
    expect((await fetch(`${apple.url}/lookup?country=zz&id=11`)).status).toBe(400);
  });

  it("answers 403 above the configured rate", async () => {
    apple.sim.setOptions({ itunesRateLimit: { calls: 2, windowMs: 60_000 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${apple.url}/lookup?country=us&id=11`)).status);
    apple.sim.setOptions({ itunesRateLimit: null });
    expect(statuses).toEqual([200, 200, 403]);
  });

  it("applies per-storefront faults and counts by storefront", async () => {
    await control("POST", "/faults", { endpoint: "itunes.lookup", kind: 500, storefront: "de" });
    expect((await fetch(`${apple.url}/lookup?country=de&id=11`)).status).toBe(500);
    expect((await fetch(`${apple.url}/lookup?country=us&id=11`)).status).toBe(200);
    const { json } = await control("GET", "/counters");
    expect(json.byStorefront).toEqual({ de: 1, us: 1 });
  });
});

describe("data faults and unreachable hosts", () => {
  it("drops the connection without an answer when iTunes is unreachable", async () => {
    await control("POST", "/faults", { endpoint: "itunes.lookup", kind: "unreachable", count: 1 });
    const error = await fetch(`${apple.url}/lookup?country=us&id=11`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((await fetch(`${apple.url}/lookup?country=us&id=11`)).status).toBe(200);
    expect(apple.sim.log.map((e) => [e.status, e.fault ?? null])).toEqual([[0, "unreachable"], [200, null]]);
  });

  it("sends a rating field as \"N/A\" next to valid ones, in one storefront", async () => {
    await control("POST", "/faults", { endpoint: "itunes.lookup", kind: "non_numeric", storefront: "it" });
    await control("POST", "/faults", { endpoint: "itunes.lookup", kind: "non_numeric", storefront: "gb", field: "userRatingCount" });
    const it = await (await fetch(`${apple.url}/lookup?country=it&id=11`)).json();
    expect(it.results[0]).toMatchObject({ averageUserRating: "N/A", userRatingCount: 1200 });
    const gb = await (await fetch(`${apple.url}/lookup?country=gb&id=11`)).json();
    expect(gb.results[0]).toMatchObject({ userRatingCount: "N/A" });
    expect(typeof gb.results[0].averageUserRating).toBe("number");
    expect((await (await fetch(`${apple.url}/lookup?country=us&id=11`)).json()).results[0].averageUserRating).toBeCloseTo(4.83333);
    expect((await control("POST", "/faults", { endpoint: "asc.reviews", kind: "non_numeric" })).status).toBe(400);
  });
});

describe("ASC auth", () => {
  it("accepts good tokens and rejects bad ones with Apple's 401 document", async () => {
    expect((await asc("/v1/apps")).status).toBe(200);
    expect((await asc("/v1/apps", { jwt: await token({}, { sub: "user", iss: null, kid: "IND1" }) })).status).toBe(200);
    for (const jwt of [
      await token({}, { lifetime: 21 * 60 }),
      await token({}, { iss: "other" }),
      await token({}, { kid: "NOPE" }),
      await token({}, { kid: "IND1" }), // individual keys must not carry iss
      await token({}, { iss: null, kid: "IND1" }), // nor lack sub=user
      "not-a-jwt",
    ]) {
      const res = await asc("/v1/apps", { jwt });
      expect(res.status).toBe(401);
      expect(res.json.errors[0]).toMatchObject({ status: "401", code: "NOT_AUTHORIZED" });
    }
  });

  it("filters apps to the key and sends X-Rate-Limit", async () => {
    const res = await asc("/v1/apps?fields[apps]=name,bundleId&limit=200");
    expect(res.json.data.map((a: { id: string }) => a.id)).toEqual(["A1"]);
    expect(res.json.data[0].attributes).toEqual({ name: "Weather", bundleId: "com.example.weather" });
    expect(res.headers.get("x-rate-limit")).toMatch(/^user-hour-lim:3600;user-hour-rem:\d+;$/);
    expect((await asc("/v1/apps/A2/customerReviews")).status).toBe(404);
  });
});

describe("ASC reviews", () => {
  const q = "sort=-createdDate&limit=200&include=response&fields[customerReviews]=rating,title,body,reviewerNickname,createdDate,territory,response&fields[customerReviewResponses]=responseBody,lastModifiedDate,state";

  it("pages 100k generated reviews with opaque cursors and a total", async () => {
    const first = await asc(`/v1/apps/A1/customerReviews?${q}`);
    expect(first.json.meta.paging).toEqual({ total: 100_001, limit: 200 });
    expect(first.json.data[0]).toMatchObject({ id: "x1", attributes: { territory: "XKS" } });
    const next = new URL(first.json.links.next);
    expect(next.origin).toBe(apple.url);
    expect(next.searchParams.get("cursor")).not.toMatch(/^\d+$/);
    const second = await asc(next.pathname + next.search);
    expect(second.json.data).toHaveLength(200);
    expect(second.json.data[0].id).not.toBe(first.json.data[199].id);
    expect((await asc(`/v1/apps/A1/customerReviews?cursor=bogus`)).status).toBe(400);
  });

  it("honours exclusive sparse fieldsets", async () => {
    const res = await asc(`/v1/apps/A1/customerReviews?include=response&fields[customerReviews]=rating,body&limit=50`);
    expect(res.json.included).toBeUndefined();
    expect(res.json.data[0].attributes).toEqual({ rating: 2, body: "meh" });
    expect(res.json.data[0].relationships).toBeUndefined();
  });

  it("overwrites responses, publishes them and deletes them", async () => {
    const post = (body: string) => asc("/v1/customerReviewResponses", { method: "POST", body: JSON.stringify({ data: { type: "customerReviewResponses", attributes: { responseBody: body }, relationships: { review: { data: { type: "customerReviews", id: "x1" } } } } }) });
    const a = await post("first");
    expect(a.status).toBe(201);
    expect(a.json.data.attributes.state).toBe("PENDING_PUBLISH");
    const b = await post("second");
    expect(b.json.data.id).not.toBe(a.json.data.id);
    expect((await asc(`/v1/customerReviewResponses/${a.json.data.id}`)).status).toBe(404);
    const review = await asc(`/v1/customerReviews/x1?include=response`);
    expect(review.json.included[0]).toMatchObject({ id: b.json.data.id, attributes: { state: "PENDING_PUBLISH" } });
    await control("POST", "/responses/publish", {});
    expect((await asc(`/v1/customerReviewResponses/${b.json.data.id}`)).json.data.attributes.state).toBe("PUBLISHED");
    expect((await asc(`/v1/customerReviewResponses/${b.json.data.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await asc(`/v1/customerReviewResponses/${b.json.data.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await post("x".repeat(5971))).status).toBe(409);
  });

  it("publishes after the configured delay; pending visibility is configurable", async () => {
    // Long enough that the first request lands inside the delay on a loaded machine (30 ms did not).
    apple.sim.setOptions({ publishDelayMs: 1_000, pendingVisibility: 0 });
    const r = apple.sim.createResponse("x1", "hi");
    expect((await asc(`/v1/customerReviews/x1?include=response`)).json.included).toEqual([]);
    await new Promise((res) => setTimeout(res, 1_100));
    expect((await asc(`/v1/customerReviews/x1?include=response`)).json.included[0].id).toBe(r.id);
    apple.sim.setOptions({ publishDelayMs: null, pendingVisibility: 1 });
  });

  it("answers 429 when a key's hourly budget is spent", async () => {
    apple.sim.setOptions({ ascHourlyLimit: 1 });
    expect((await asc("/v1/apps")).status).toBe(200);
    const res = await asc("/v1/apps");
    expect(res.status).toBe(429);
    expect(res.json.errors[0].code).toBe("RATE_LIMIT_EXCEEDED");
    expect(res.headers.get("x-rate-limit")).toBe("user-hour-lim:1;user-hour-rem:0;");
    apple.sim.setOptions({ ascHourlyLimit: 3600 });
  });

  it("fails one app's reviews only, with Apple's error document", async () => {
    apple.sim.addReview("A2", { id: "a2-1", territory: "USA", rating: 4, body: "ok" });
    await control("POST", "/faults", { endpoint: "asc.reviews", kind: 500, app: "A1" });
    const failed = await asc(`/v1/apps/A1/customerReviews?${q}`);
    expect(failed.status).toBe(500);
    expect(failed.json.errors[0]).toMatchObject({ code: "UNEXPECTED_ERROR", detail: expect.stringContaining("unexpected error") });
    expect((await asc(`/v1/apps/A2/customerReviews?${q}`, { jwt: await token({}, { sub: "user", iss: null, kid: "IND1" }) })).status).toBe(200);
  });

  it("lists a published reply as still pending while GET by id says PUBLISHED (stale_pending)", async () => {
    const reply = apple.sim.createResponse("x1", "Thanks");
    apple.sim.publishResponses(reply.id);
    await control("POST", "/faults", { endpoint: "asc.reviews", kind: "stale_pending" });
    const list = await asc(`/v1/apps/A1/customerReviews?${q}`);
    expect(list.json.included.find((r: { id: string }) => r.id === reply.id).attributes.state).toBe("PENDING_PUBLISH");
    expect((await asc(`/v1/customerReviewResponses/${reply.id}`)).json.data.attributes.state).toBe("PUBLISHED");
  });

  it("spoils a page's first two reviews (rating 0, a date that is not one) with unreadable_review", async () => {
    await control("POST", "/faults", { endpoint: "asc.reviews", kind: "unreadable_review", count: 1 });
    const spoiled = await asc(`/v1/apps/A1/customerReviews?${q.replace("limit=200", "limit=3")}`);
    expect(spoiled.json.data.map((r: { attributes: { rating: number; createdDate: string } }) => [r.attributes.rating, r.attributes.createdDate])).toEqual([
      [0, expect.any(String)],
      [expect.any(Number), "not a date"],
      [expect.any(Number), expect.stringMatching(/^\d{4}-/)],
    ]);
    expect((await asc(`/v1/apps/A1/customerReviews?${q.replace("limit=200", "limit=1")}`)).json.data[0].attributes.rating).toBe(2);
  });

  it("passes NUL and lone surrogates in review text through as JSON escapes, like Apple", async () => {
    apple.sim.addReview("A1", { id: "bad-text", territory: "USA", rating: 3, title: "a\u0000b", body: "half \ud83d", nickname: "\udc00nick", createdDate: "2031-01-01T00:00:00Z" });
    const res = await fetch(`${apple.url}/v1/apps/A1/customerReviews?${q.replace("limit=200", "limit=1")}`, { headers: { authorization: `Bearer ${await token()}` } });
    const text = await res.text();
    expect(text).toContain("a\\u0000b");
    expect(text).toContain("half \\ud83d");
    expect(JSON.parse(text).data[0].attributes.reviewerNickname).toBe("\udc00nick");
  });

  it("removes reviews from Apple's side and injects faults by call number", async () => {
    await control("DELETE", "/reviews/x1");
    expect((await asc("/v1/customerReviews/x1")).status).toBe(404);
    await control("POST", "/faults", { endpoint: "asc.review", kind: "agreement", nth: 2 });
    expect((await asc("/v1/customerReviews/gen-A1-0")).status).toBe(200);
    const second = await asc("/v1/customerReviews/gen-A1-0");
    expect(second.json.errors[0].code).toBe("FORBIDDEN.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED");
    expect((await asc("/v1/customerReviews/gen-A1-0")).status).toBe(200);
  });
});

describe("control API", () => {
  it("changes ratings between days and manages apps", async () => {
    await control("POST", "/day/advance", {});
    const us = await (await fetch(`${apple.url}/lookup?country=us&id=11`)).json();
    expect(us.results[0].userRatingCount).toBeGreaterThan(1200);
    await control("PUT", "/apps/11/storefronts/us", "no_ratings");
    const again = await (await fetch(`${apple.url}/lookup?country=us&id=11`)).json();
    expect(again.results[0].userRatingCount).toBeUndefined();
    await control("POST", "/apps", { trackId: 77, bundleId: "com.example.new", name: "New", storefronts: { jp: { averageRating: 4, ratingCount: 3 } } });
    expect((await (await fetch(`${apple.url}/lookup?country=jp&bundleId=com.example.new`)).json()).resultCount).toBe(1);
    await control("DELETE", "/apps/77");
    expect((await (await fetch(`${apple.url}/lookup?country=jp&id=77`)).json()).resultCount).toBe(0);
    const { json } = await control("GET", "/log?limit=2");
    expect(json.entries).toHaveLength(2);
  });

  it("adds reviews and reports state", async () => {
    const { json } = await control("POST", "/reviews", { ascAppId: "A1", review: { territory: "USA", rating: 5, body: "new", nickname: "z" } });
    expect((await asc(`/v1/customerReviews/${json.id}`)).status).toBe(200);
    const state = await control("GET", "/state");
    expect(state.json.reviews.A1).toBe(100_002);
    expect((await control("GET", "/nope")).status).toBe(404);
  });
});

describe("demo scenario", () => {
  it("parses and serves ratings and reviews, including Kosovo", async () => {
    const { readFileSync } = await import("node:fs");
    const { scenarioSchema } = await import("./scenario");
    const demo = scenarioSchema.parse(JSON.parse(readFileSync(new URL("./scenarios/demo.json", import.meta.url), "utf8")));
    expect(demo.apps.length).toBeGreaterThanOrEqual(3);
    const demoSim = await startAppleSim({ scenario: demo });
    try {
      const us = await (await fetch(`${demoSim.url}/lookup?country=us&bundleId=com.example.weather`)).json();
      expect(us.resultCount).toBe(1);
      const key = demoSim.sim.keys()[0];
      expect(key.privateKeyPem).toContain("BEGIN PRIVATE KEY");
      const territories = new Set(demoSim.sim.pageReviews("1480000001", { limit: 10 }).reviews.map((r) => r.territory));
      expect(territories.has("XKS")).toBe(true);
    } finally {
      await demoSim.stop();
    }
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startAppleSim, type RunningAppleSim } from "@/tools/apple-sim";
import { unreachableLoopbackUrl } from "@/test/unreachable";
import { createItunesClient, createItunesStats, type ItunesClientOptions } from "./client";
import { ItunesRequestError, ItunesUnknownStorefrontError } from "./errors";
import { ItunesPacer, sharedItunesPacer } from "./pacer";

let apple: RunningAppleSim;
const fast = { backoffBaseMs: 5, backoffMaxMs: 20, timeoutMs: 500 } satisfies Partial<ItunesClientOptions>;
const apps = Array.from({ length: 7 }, (_, i) => ({
  trackId: 1000 + i,
  bundleId: `com.example.app${i}`,
  name: `App ${i}`,
  storefronts: { all: { averageRating: 4.2 + i / 100, ratingCount: 100 + i }, de: i === 0 ? ("no_ratings" as const) : ("not_sold" as const) },
}));

beforeAll(async () => {
  apple = await startAppleSim({ scenario: { apps } });
});
afterAll(() => apple.stop());
afterEach(() => {
  apple.sim.reset();
  apple.sim.setOptions({ itunesRateLimit: null });
});

function client(extra: Partial<ItunesClientOptions> = {}) {
  return createItunesClient({ baseUrl: apple.itunesBaseUrl, pacer: new ItunesPacer({ callsPerMinute: 0 }), ...fast, ...extra });
}

describe("lookup", () => {
  it("chunks id lists and never mixes ids and bundle ids", async () => {
    const found = await client({ chunkSize: 3 }).lookup({ storefront: "us", ids: apps.map((a) => a.trackId) });
    expect(found.map((a) => a.trackId)).toEqual(apps.map((a) => a.trackId));
    expect(apple.sim.counters.byEndpoint["itunes.lookup"]).toBe(3);
    const paths = apple.sim.log.map((e) => e.path);
    expect(paths.every((p) => p === "/lookup")).toBe(true);
  });

  it("sends country, entity=software, one key kind and a cache buster", async () => {
    await client().lookup({ storefront: "FR", bundleIds: ["com.example.app1", "com.example.app2"] });
    await client().lookup({ storefront: "fr", bundleIds: ["com.example.app1"] });
    expect(apple.sim.counters.byStorefront.fr).toBe(2);
    const [a, b] = apple.sim.log.map((e) => new URLSearchParams(e.query));
    expect(a.get("country")).toBe("fr");
    expect(a.get("entity")).toBe("software");
    expect(a.get("bundleId")).toBe("com.example.app1,com.example.app2");
    expect(a.has("id")).toBe(false);
    expect(a.get("_cb")).toBeTruthy();
    expect(a.get("_cb")).not.toBe(b.get("_cb"));
  });

  it("tells found, no ratings and not sold apart", async () => {
    const out = await client().lookupOutcomes({ storefront: "de", ids: [1000, 1001, 999] });
    expect(out.get("1000")?.kind).toBe("no_ratings");
    expect(out.get("1001")?.kind).toBe("not_sold");
    expect(out.get("999")?.kind).toBe("not_sold");
    const us = await client().lookupOutcomes({ storefront: "us", bundleIds: ["com.example.app2"] });
    const hit = us.get("com.example.app2");
    expect(hit?.kind).toBe("found");
    if (hit?.kind === "found") expect(hit.app).toMatchObject({ averageRating: 4.22, ratingCount: 102 });
  });

  it("does not retry an unknown storefront", async () => {
    const stats = createItunesStats();
    await expect(client({ stats }).lookup({ storefront: "zz", ids: [1000] })).rejects.toBeInstanceOf(ItunesUnknownStorefrontError);
    expect(stats).toEqual({ requests: 1, throttled: 0, retries: 0, unreadableResults: 0 });
  });
});

describe("retries", () => {
  it("retries 5xx, timeouts and malformed JSON a bounded number of times", async () => {
    apple.sim.addFault({ endpoint: "itunes.lookup", kind: 500, nth: 1 });
    apple.sim.addFault({ endpoint: "itunes.lookup", kind: "timeout", nth: 2 });
    apple.sim.addFault({ endpoint: "itunes.lookup", kind: "malformed", nth: 3 });
    const stats = createItunesStats();
    const found = await client({ stats, timeoutMs: 200 }).lookup({ storefront: "us", ids: [1000] });
    expect(found).toHaveLength(1);
    expect(stats).toEqual({ requests: 4, throttled: 0, retries: 3, unreadableResults: 0 });
  });

  it("gives up with a typed error after maxRetries", async () => {
    apple.sim.addFault({ endpoint: "itunes.lookup", kind: 503, storefront: "de" });
    const stats = createItunesStats();
    const err = await client({ stats, maxRetries: 2 }).lookup({ storefront: "de", ids: [1000] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ItunesRequestError);
    expect(err).toMatchObject({ kind: "server", status: 503, storefront: "de", attempts: 3 });
    expect(stats.requests).toBe(3);
    // Other storefronts are unaffected by the per-storefront fault.
    expect(await client().lookup({ storefront: "us", ids: [1000] })).toHaveLength(1);
  });

  it("gives up quickly when Apple cannot be reached at all, and says why", async () => {
    const stats = createItunesStats();
    const started = Date.now();
    // Production backoff on purpose: a refused connection must not cost the throttling retries' minutes.
    const unreachable = createItunesClient({ baseUrl: await unreachableLoopbackUrl(), pacer: new ItunesPacer({ callsPerMinute: 0 }), stats });
    const err = await unreachable.lookup({ storefront: "us", ids: [1000] }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(err).toBeInstanceOf(ItunesRequestError);
    expect(err).toMatchObject({ kind: "network", status: null, attempts: 2, detail: expect.stringMatching(/ECONNREFUSED 127\.0\.0\.1:\d+/) });
    expect((err as Error).message).toMatch(/^iTunes Lookup unreachable for storefront "us" \(connect ECONNREFUSED/);
    expect(stats).toEqual({ requests: 2, throttled: 0, retries: 1, unreadableResults: 0 });
  });

  it("a call that never reached Apple gives its pacing slot back", async () => {
    const pacer = new ItunesPacer({ callsPerMinute: 60 }); // one call a second
    const unreachable = createItunesClient({ baseUrl: await unreachableLoopbackUrl(), pacer, backoffBaseMs: 5 });
    const started = Date.now();
    for (const storefront of ["us", "gb"]) await unreachable.lookup({ storefront, ids: [1000] }).catch(() => null);
    // Four refused calls; charged to the budget they would have waited three seconds.
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("names the host when fetch's reason does not (a port fetch refuses, e.g. 9)", async () => {
    const err = await createItunesClient({ baseUrl: "http://127.0.0.1:9", pacer: new ItunesPacer({ callsPerMinute: 0 }), backoffBaseMs: 5 })
      .lookup({ storefront: "us", ids: [1000] })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "network", detail: "bad port (127.0.0.1:9)" });
  });

  it("treats a connection dropped without an answer as unreachable, not as a throttle", async () => {
    apple.sim.addFault({ endpoint: "itunes.lookup", kind: "unreachable" });
    const err = await client({ maxRetries: 4 }).lookup({ storefront: "us", ids: [1000] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "network", attempts: 2, detail: expect.any(String) });
    expect(apple.sim.counters.byEndpoint["itunes.lookup"]).toBe(2);
  });

  it("slows the pacer down on 403/429 and counts throttle hits", async () => {
    apple.sim.addFault({ endpoint: "itunes.lookup", kind: 403, count: 2 });
    const pacer = new ItunesPacer({ callsPerMinute: 60_000 });
    const stats = createItunesStats();
    await client({ pacer, stats }).lookup({ storefront: "us", ids: [1000] });
    expect(stats).toEqual({ requests: 3, throttled: 2, retries: 2, unreadableResults: 0 });
    // Halved twice, then eased back once by the success.
    expect(pacer.rate).toBe(60_000 / 4 * 1.25);
  });

  it("backs off when Apple's rate limit answers 403 and gets through", async () => {
    apple.sim.setOptions({ itunesRateLimit: { calls: 2, windowMs: 150 } });
    const stats = createItunesStats();
    const found = await client({ stats, chunkSize: 1, backoffBaseMs: 60, backoffMaxMs: 200, maxRetries: 6 }).lookup({ storefront: "us", ids: [1000, 1001, 1002, 1003] });
    expect(found).toHaveLength(4);
    expect(stats.throttled).toBeGreaterThan(0);
    expect(stats.requests).toBe(4 + stats.retries);
  });
});

describe("pacing", () => {
  it("spaces calls by the configured rate", async () => {
    const pacer = new ItunesPacer({ callsPerMinute: 1200 }); // one call per 50 ms
    const started = Date.now();
    await client({ pacer, chunkSize: 1 }).lookup({ storefront: "us", ids: [1000, 1001, 1002, 1003, 1004] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("shares one process-wide budget per configured rate", async () => {
    expect(sharedItunesPacer(0).enabled).toBe(false);
    expect(sharedItunesPacer(30).rate).toBe(30);
    expect(sharedItunesPacer(30)).toBe(sharedItunesPacer(30));
    const started = Date.now();
    await createItunesClient({ baseUrl: apple.itunesBaseUrl, chunkSize: 1, pacer: sharedItunesPacer(0) }).lookup({ storefront: "us", ids: [1000, 1001, 1002] });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a throttle never drops the rate below the floor", () => {
    const pacer = new ItunesPacer({ callsPerMinute: 20, minCallsPerMinute: 2 });
    for (let i = 0; i < 10; i++) pacer.onThrottle();
    expect(pacer.rate).toBe(2);
    for (let i = 0; i < 50; i++) pacer.onSuccess();
    expect(pacer.rate).toBe(20);
  });
});

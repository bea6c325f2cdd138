// The Google clients against the Google simulator over HTTP: token exchange, paging, quotas, errors, replies, reports.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateServiceAccount, startGoogleSim, type GoogleScenario, type RunningGoogleSim } from "@/tools/google-sim";
import { createGoogleClients, type GoogleClientsConfig } from "./clients";
import {
  GoogleApiNotEnabledError,
  GoogleAuthError,
  GoogleInvalidArgumentError,
  GoogleNotFoundError,
  GooglePermissionError,
  GoogleQuotaError,
  GoogleTransientError,
  HINT_BUCKET_NOT_READABLE,
  HINT_NO_REPLY_PERMISSION,
  HINT_NOT_INVITED,
} from "./errors";
import { PlayReadQuota } from "./quota";
import { readReportCsv, type ReportRecord } from "./reports/csv";
import { parseServiceAccountKey } from "./service-account";
import { createTokenCache } from "./token";

const PKG = "com.example.weather";
const account = generateServiceAccount("reviews@starboard-sim.iam.gserviceaccount.com");
const readOnly = generateServiceAccount("reader@starboard-sim.iam.gserviceaccount.com");

const scenario: GoogleScenario = {
  accounts: [
    { clientEmail: account.clientEmail, publicKeyPem: account.publicKeyPem, privateKeyId: account.privateKeyId },
    { clientEmail: readOnly.clientEmail, publicKeyPem: readOnly.publicKeyPem, privateKeyId: readOnly.privateKeyId, canReply: false, bucketAccess: false, packages: [PKG] },
  ],
  apps: [
    {
      packageName: PKG,
      reviews: [
        { id: "gp:new", rating: 2, title: "Crashes", text: "Since 4.2", modified: "-1h", author: "Ana" },
        { id: "gp:old", rating: 5, text: "Older than a week", modified: "-9d" },
      ],
      generate: { count: 230, seed: 3, newest: "-2h", intervalMinutes: 30 },
    },
    { packageName: "com.example.notes", reviews: [] },
  ],
  ratings: { [PKG]: { countries: { us: 4.4, de: 3.9 }, days: 3, endOffsetDays: 1 } },
};

let google: RunningGoogleSim;
const key = parseServiceAccountKey(account.keyFile).key;
const fast = { backoffBaseMs: 5, backoffMaxMs: 20, timeoutMs: 1_000, quotaBackoffMs: 20, maxQuotaWaitMs: 3_000 };

function clients(over: Partial<GoogleClientsConfig> = {}, k = key) {
  return createGoogleClients(k, {
    tokenUrl: google.tokenUrl,
    playBaseUrl: google.playBaseUrl,
    storageBaseUrl: google.storageBaseUrl,
    readsPerHour: 0,
    http: fast,
    tokenCache: createTokenCache(),
    quota: new PlayReadQuota(0),
    ...over,
  });
}

async function allPages(c: ReturnType<typeof clients>, pkg = PKG) {
  const pages = [];
  for await (const page of c.play.listReviews(pkg)) pages.push(page);
  return pages;
}

beforeAll(async () => {
  google = await startGoogleSim({ scenario });
});
afterAll(() => google.stop());
afterEach(() => google.sim.reset());

describe("service-account token", () => {
  it("exchanges one signed JWT and reuses the token until shortly before it expires", async () => {
    const c = clients();
    await allPages(c, "com.example.notes");
    await allPages(c, "com.example.notes");
    expect(c.stats.tokenRequests).toBe(1);
    expect(google.sim.counters.byEndpoint.token).toBe(1);
  });

  it.each([
    ["invalid_grant_signature", "invalid_grant", /signature/],
    ["unauthorized_client", "unauthorized_client", /domain-wide delegation/],
  ] as const)("%s: a GoogleAuthError with Google's error and a hint", async (kind, reason, hint) => {
    google.sim.addFault({ endpoint: "token", kind });
    const error = await allPages(clients()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoogleAuthError);
    expect(error).toMatchObject({ service: "Google OAuth", status: 400, reason, hint: expect.stringMatching(hint) });
  });

  it("a key Google does not know is refused (its signature does not match any key of the account)", async () => {
    const stranger = parseServiceAccountKey(generateServiceAccount(account.clientEmail).keyFile).key;
    const error = await allPages(clients({}, { ...stranger, private_key_id: account.privateKeyId })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "GoogleAuthError", reason: "invalid_grant", detail: "Invalid JWT Signature." });
    expect(String(error)).not.toContain(stranger.private_key.slice(40, 80));
  });

  it.each(["timeframe", "generic"] as const)("corrects this server's clock from Google's Date header when the JWT's times are refused (%s wording)", async (skewMessage) => {
    google.sim.setOptions({ clockOffsetSeconds: 2 * 3600, skewMessage });
    const c = clients();
    const pages = await allPages(c, "com.example.notes");
    expect(pages).toHaveLength(1);
    expect(c.stats.clockCorrections).toBe(1);
    expect(google.sim.counters.byStatus["400"]).toBe(1);
  });

  it("a time refusal with a clock that agrees is told as a clock problem, not retried for ever", async () => {
    google.sim.addFault({ endpoint: "token", kind: "invalid_grant_time" });
    const error = await allPages(clients()).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "GoogleAuthError", reason: "invalid_grant", hint: expect.stringContaining("clock") });
  });

  it("a token Google stopped accepting is replaced once (401 → new token → success)", async () => {
    const c = clients();
    await allPages(c, "com.example.notes");
    google.sim.expireTokens();
    await allPages(c, "com.example.notes");
    expect(c.stats).toMatchObject({ tokenRequests: 2, tokenRefreshes: 1 });
  });
});

describe("reviews.list / get / reply", () => {
  it("pages by token through the last 7 days only, newest first, 100 a page", async () => {
    const pages = await allPages(clients());
    const ids = pages.flatMap((p) => p.reviews.map((r) => r.id));
    expect(pages.map((p) => p.reviews.length)).toEqual([100, 100, 31]);
    expect(ids[0]).toBe("gp:new");
    expect(ids).not.toContain("gp:old");
    expect(new Set(ids).size).toBe(231);
    expect(pages[0].reviews[0]).toMatchObject({ authorName: "Ana", title: "Crashes", body: "Since 4.2", rating: 2 });
  });

  it("an app without recent reviews answers {}: one empty page", async () => {
    expect(await allPages(clients(), "com.example.notes")).toEqual([{ reviews: [], malformed: [], nextPageToken: null }]);
  });

  it("waits out a 429 (Retry-After) and goes on; beyond the wait budget it is a GoogleQuotaError", async () => {
    google.sim.addFault({ endpoint: "play.list", kind: "429", count: 1, retryAfter: 1 });
    const c = clients();
    expect((await allPages(c)).length).toBe(3);
    expect(c.stats).toMatchObject({ quotaWaits: 1 });
    google.sim.addFault({ endpoint: "play.list", kind: "429", retryAfter: 10 });
    const error = await allPages(clients()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoogleQuotaError);
    expect(error).toMatchObject({ status: 429, googleStatus: "RESOURCE_EXHAUSTED", retryAfterSeconds: 10 });
  });

  it("the simulator's own per-app quota: spent → 429 with (or, switched, without) Retry-After, waited out", async () => {
    google.sim.setOptions({ readsPerWindow: 2, readWindowMs: 400 });
    const c = clients();
    expect((await allPages(c)).length).toBe(3);
    expect(google.sim.counters.byStatus["429"]).toBeGreaterThanOrEqual(1);
    google.sim.setOptions({ quotaRetryAfter: false });
    google.sim.resetQuotas();
    expect((await allPages(clients())).length).toBe(3);
  });

  it("the local hourly budget per package: a read that would exceed it fails before reaching Google", async () => {
    const c = clients({ quota: new PlayReadQuota(2) });
    const error = await allPages(c).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "GoogleQuotaError", status: null, reason: "LOCAL_READ_BUDGET" });
    expect(google.sim.counters.byEndpoint["play.list"]).toBe(2);
  });

  it("retries a 503 and reports Google's message after the retries", async () => {
    google.sim.addFault({ endpoint: "play.list", kind: "503", count: 2 });
    const c = clients();
    expect((await allPages(c)).length).toBe(3);
    expect(c.stats.retries).toBe(2);
    google.sim.addFault({ endpoint: "play.list", kind: "500" });
    await expect(allPages(clients())).rejects.toBeInstanceOf(GoogleTransientError);
  });

  it.each(["caller", "insufficient"] as const)("403 (%s payload): not invited on reads, no Reply permission on replies — with Google's words", async (forbiddenStyle) => {
    google.sim.setOptions({ forbiddenStyle });
    const reader = clients({}, parseServiceAccountKey(readOnly.keyFile).key);
    const notInvited = await allPages(reader, "com.example.notes").catch((e: unknown) => e);
    expect(notInvited).toBeInstanceOf(GooglePermissionError);
    expect(notInvited).toMatchObject({ status: 403, googleStatus: "PERMISSION_DENIED", hint: HINT_NOT_INVITED, detail: expect.stringMatching(/permission/) });
    const noReply = await reader.play.reply(PKG, "gp:new", "Thanks").catch((e: unknown) => e);
    expect(noReply).toMatchObject({ name: "GooglePermissionError", hint: HINT_NO_REPLY_PERMISSION });
    expect(google.sim.findReview(PKG, "gp:new")?.reply).toBeNull();
  });

  it("API not enabled: the hint says which API to enable", async () => {
    google.sim.updateAccount(account.clientEmail, { apiEnabled: false });
    const error = await allPages(clients()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoogleApiNotEnabledError);
    expect(error).toMatchObject({ reason: "SERVICE_DISABLED", hint: expect.stringContaining("Google Play Android Developer API") });
  });

  it("get: one review, null when Google has none", async () => {
    const c = clients();
    expect(await c.play.getReview(PKG, "gp:old")).toMatchObject({ id: "gp:old", rating: 5 });
    expect(await c.play.getReview(PKG, "gp:missing")).toBeNull();
  });

  it("reply: creates, then replaces (HTML stripped by Google); over 350 characters is refused before sending", async () => {
    const c = clients();
    expect(await c.play.reply(PKG, "gp:new", "Thanks, <b>fixed</b>!")).toMatchObject({ text: "Thanks, fixed!", lastModified: expect.any(String) });
    expect(await c.play.reply(PKG, "gp:new", "Second answer")).toMatchObject({ text: "Second answer" });
    expect(google.sim.findReview(PKG, "gp:new")?.reply?.text).toBe("Second answer");
    const tooLong = await c.play.reply(PKG, "gp:new", "x".repeat(351)).catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(GoogleInvalidArgumentError);
    expect(tooLong).toMatchObject({ status: null, reason: "LOCAL_TOO_LONG" });
    expect(google.sim.counters.byEndpoint["play.reply"]).toBe(2);
  });

  it("Google's own refusal of a long reply (either status) is typed too", async () => {
    google.sim.setOptions({ maxReplyLength: 10 });
    await expect(clients().play.reply(PKG, "gp:new", "eleven chars")).rejects.toMatchObject({ name: "GoogleInvalidArgumentError", status: 400 });
    google.sim.setOptions({ longReplyStatus: 403 });
    await expect(clients().play.reply(PKG, "gp:new", "eleven chars")).rejects.toMatchObject({ status: 403 });
  });
});

describe("Cloud Storage", () => {
  const bucket = "pubsite_prod_rev_01234567890987654321";

  it("lists the reports by prefix and streams a UTF-16 file that decodes to its rows", async () => {
    const c = clients();
    const files = await c.storage.listObjects(bucket, `stats/ratings/ratings_${PKG}_`);
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.every((f) => f.name.startsWith(`stats/ratings/ratings_${PKG}_`) && f.generation !== "")).toBe(true);
    const country = files.find((f) => f.name.endsWith("_country.csv"))!;
    const records: ReportRecord[] = [];
    const read = await readReportCsv(await c.storage.download(bucket, country.name), async (b) => void records.push(...b));
    expect(read).toMatchObject({ encoding: "utf-16le", malformed: 0 });
    expect(records[0]).toMatchObject({ "package name": PKG, country: expect.stringMatching(/^(US|DE)$/) });
  });

  it("pages through a long listing", async () => {
    const names = (await clients().storage.listObjects(bucket, "reviews/")).map((o) => o.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.startsWith(`reviews/reviews_${PKG}_`))).toBe(true);
  });

  it("bucket not readable, bucket missing, object missing: typed, with Google's message", async () => {
    const reader = clients({}, parseServiceAccountKey(readOnly.keyFile).key);
    const forbidden = await reader.storage.listObjects(bucket, "reviews/").catch((e: unknown) => e);
    expect(forbidden).toMatchObject({ name: "GooglePermissionError", status: 403, reason: "forbidden", hint: HINT_BUCKET_NOT_READABLE, detail: expect.stringContaining("storage.objects.list") });
    const missing = (await clients().storage.listObjects("pubsite_prod_rev_0", "reviews/").catch((e: unknown) => e)) as GoogleNotFoundError;
    expect(missing.bucketMissing).toBe(true);
    const object = (await clients().storage.download(bucket, "reviews/reviews_nope_202601.csv").catch((e: unknown) => e)) as GoogleNotFoundError;
    expect(object).toBeInstanceOf(GoogleNotFoundError);
    expect(object.bucketMissing).toBe(false);
  });

  it("a malformed line in a served file is counted, the rest read", async () => {
    const c = clients();
    const file = (await c.storage.listObjects(bucket, "reviews/"))[0];
    google.sim.addFault({ endpoint: "storage.download", kind: "malformed_csv_line", count: 1 });
    const records: ReportRecord[] = [];
    const read = await readReportCsv(await c.storage.download(bucket, file.name), async (b) => void records.push(...b));
    expect(read.malformed).toBe(1);
    expect(records.length).toBe(read.records);
    expect(records.length).toBeGreaterThan(0);
  });
});

// The Google simulator's own contract: what the token endpoint checks, and the shapes of its answers.
import { createPrivateKey } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { SignJWT } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateServiceAccount, keyFileOf, startGoogleSim, type RunningGoogleSim } from "./index";

const sa = generateServiceAccount("sim@test.iam.gserviceaccount.com");
const PLAY = "https://www.googleapis.com/auth/androidpublisher";
let google: RunningGoogleSim;

beforeAll(async () => {
  google = await startGoogleSim({
    scenario: {
      accounts: [{ clientEmail: sa.clientEmail, publicKeyPem: sa.publicKeyPem, privateKeyId: sa.privateKeyId }, { clientEmail: "generated@test.iam.gserviceaccount.com" }],
      apps: [{ packageName: "com.x", reviews: [{ id: "gp:1", rating: 4, title: "T", text: "B", modified: "-1d", reply: { text: "R", modified: "-1h" } }] }],
    },
  });
});
afterAll(() => google.stop());
afterEach(() => google.sim.reset());

async function jwt(claims: Record<string, unknown>, o: { kid?: string | null; iat?: number; exp?: number } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const signer = new SignJWT({ scope: PLAY, ...claims }).setProtectedHeader({ alg: "RS256", typ: "JWT", ...(o.kid === null ? {} : { kid: o.kid ?? sa.privateKeyId }) });
  signer.setIssuedAt(o.iat ?? now).setExpirationTime(o.exp ?? now + 3600);
  if (!("iss" in claims)) signer.setIssuer(sa.clientEmail);
  if (!("aud" in claims)) signer.setAudience(google.tokenUrl);
  return signer.sign(createPrivateKey(sa.privateKeyPem));
}

async function exchange(assertion: string) {
  const res = await fetch(google.tokenUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, date: res.headers.get("date") };
}

describe("token endpoint", () => {
  it("issues a bearer token for a well-signed JWT (Google's aud accepted too)", async () => {
    expect(await exchange(await jwt({}))).toMatchObject({ status: 200, body: { token_type: "Bearer", expires_in: 3599, access_token: expect.stringMatching(/^ya29\./) } });
    expect((await exchange(await jwt({ aud: "https://oauth2.googleapis.com/token" }))).status).toBe(200);
  });

  it("checks signature, iss, sub, scope, aud and times, answering OAuth-style 400s", async () => {
    const other = generateServiceAccount(sa.clientEmail);
    const forged = await new SignJWT({ scope: PLAY }).setProtectedHeader({ alg: "RS256", kid: sa.privateKeyId }).setIssuer(sa.clientEmail).setAudience(google.tokenUrl).setIssuedAt().setExpirationTime("1h").sign(createPrivateKey(other.privateKeyPem));
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, Record<string, unknown>][] = [
      [forged, { error: "invalid_grant", error_description: "Invalid JWT Signature." }],
      [await jwt({ iss: "nobody@x.iam.gserviceaccount.com" }), { error: "invalid_grant", error_description: "Invalid grant: account not found" }],
      [await jwt({ sub: "user@example.com" }), { error: "unauthorized_client" }],
      [await jwt({ scope: "https://www.googleapis.com/auth/gmail" }), { error: "unauthorized_client" }],
      [await jwt({ aud: "https://example.com/token" }), { error: "invalid_grant", error_description: expect.stringContaining("audience") }],
      [await jwt({}, { iat: now, exp: now + 7200 }), { error: "invalid_grant", error_description: expect.stringContaining("iat and exp") }],
      [await jwt({}, { iat: now + 3600, exp: now + 7000 }), { error: "invalid_grant", error_description: expect.stringContaining("iat and exp") }],
      [await jwt({}, { iat: now - 7200, exp: now - 3600 }), { error: "invalid_grant" }],
    ];
    for (const [assertion, body] of cases) expect(await exchange(assertion)).toMatchObject({ status: 400, body });
  });

  it("switches: a kid can be required; its clock can be off (Date header follows it)", async () => {
    google.sim.setOptions({ requireKid: true });
    expect((await exchange(await jwt({}, { kid: null }))).status).toBe(400);
    google.sim.setOptions({ requireKid: false, clockOffsetSeconds: 3 * 3600 });
    const skewed = await exchange(await jwt({}));
    expect(skewed.status).toBe(400);
    expect(Date.parse(skewed.date!) - Date.now()).toBeGreaterThan(3 * 3600 * 1000 - 5000);
  });

  it("generates a key pair (and its JSON key file) for an account without a public key, stable across reset", () => {
    const file = google.sim.keyFile("generated@test.iam.gserviceaccount.com");
    expect(JSON.parse(file!)).toMatchObject({ type: "service_account", client_email: "generated@test.iam.gserviceaccount.com", private_key: expect.stringContaining("BEGIN PRIVATE KEY") });
    google.sim.reset();
    expect(google.sim.keyFile("generated@test.iam.gserviceaccount.com")).toBe(file);
  });
});

describe("a key file that outlives the simulator (the demo's, --write-key)", () => {
  it("is written on the first start and reused on the next, so a key saved in Starboard keeps working", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "google-sim-key-"));
    const keyPath = path.join(dir, "play.json");
    const scenario = () => ({ accounts: [{ clientEmail: "demo@demo-play.iam.gserviceaccount.com" }] });
    const sign = (file: { private_key: string; private_key_id: string; client_email: string }, tokenUrl: string) =>
      new SignJWT({ scope: PLAY }).setProtectedHeader({ alg: "RS256", kid: file.private_key_id }).setIssuer(file.client_email).setAudience(tokenUrl).setIssuedAt().setExpirationTime("1h").sign(createPrivateKey(file.private_key));
    const exchangeAt = async (tokenUrl: string, assertion: string) =>
      (await fetch(tokenUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion }) })).status;
    try {
      const first = scenario();
      const written = keyFileOf(first, keyPath);
      expect(written).toMatchObject({ clientEmail: "demo@demo-play.iam.gserviceaccount.com", reused: false });
      const one = await startGoogleSim({ scenario: first });
      written!.save((email) => one.sim.keyFile(email));
      await one.stop();
      expect((await stat(keyPath)).mode & 0o777).toBe(0o600);
      const file = JSON.parse(await readFile(keyPath, "utf8")) as { private_key: string; private_key_id: string; client_email: string };

      const second = scenario();
      const reused = keyFileOf(second, keyPath);
      expect(reused).toMatchObject({ reused: true });
      const two = await startGoogleSim({ scenario: second });
      reused!.save((email) => two.sim.keyFile(email));
      try {
        expect(await exchangeAt(two.tokenUrl, await sign(file, two.tokenUrl))).toBe(200);
        expect(JSON.parse(await readFile(keyPath, "utf8"))).toEqual(file);
      } finally {
        await two.stop();
      }
      // Every account with its own public key: nothing to write.
      expect(keyFileOf({ accounts: [{ clientEmail: sa.clientEmail, publicKeyPem: sa.publicKeyPem }] }, keyPath)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("reviews and control", () => {
  it("serves the documented Review shape; an edit moves lastModified and the text", async () => {
    const token = ((await exchange(await jwt({}))).body.access_token) as string;
    const get = async () => (await (await fetch(`${google.playBaseUrl}/androidpublisher/v3/applications/com.x/reviews`, { headers: { authorization: `Bearer ${token}` } })).json()) as { reviews: { comments: Record<string, { text: string; lastModified: { seconds: string } }>[] }[] };
    const before = await get();
    expect(before.reviews[0].comments[0].userComment).toMatchObject({ text: "T\tB", lastModified: { seconds: expect.stringMatching(/^\d+$/) } });
    expect(before.reviews[0].comments[1].developerComment.text).toBe("R");
    const res = await fetch(`${google.url}/__sim/reviews`, { method: "POST", body: JSON.stringify({ packageName: "com.x", review: { id: "gp:1", rating: 1, text: "Worse now" } }) });
    expect(res.status).toBe(201);
    const after = await get();
    expect(after.reviews[0].comments[0].userComment.text).toBe("Worse now");
    expect(Number(after.reviews[0].comments[0].userComment.lastModified.seconds)).toBeGreaterThan(Number(before.reviews[0].comments[0].userComment.lastModified.seconds));
    expect(after.reviews[0].comments[1].developerComment.text).toBe("R");
  });

  it("refuses a fault that does not fit its endpoint", async () => {
    const res = await fetch(`${google.url}/__sim/faults`, { method: "POST", body: JSON.stringify({ endpoint: "play.list", kind: "malformed_csv_line" }) });
    expect(res.status).toBe(400);
  });
});

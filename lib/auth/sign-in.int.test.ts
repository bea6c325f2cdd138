import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withConfig } from "@/lib/env";
import { createOwner } from "@/test/fixtures";
import { withClientAddress } from "./client-address";
import { InvalidCredentialsError, verifyCredentials } from "./credentials";
import { SignInThrottledError, THROTTLE, clientFromHeaders } from "./sign-in-throttle";

const PASSWORD = "correct horse battery staple";

describe("password sign-in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const owner = await createOwner("signin");
    const user = await verifyCredentials({ email: owner.email.toUpperCase(), password: PASSWORD }, "10.0.0.1");
    expect(user.id).toBe(owner.userId);
  });

  it("refuses a wrong password and an unknown account with the same error", async () => {
    const owner = await createOwner("wrong");
    await expect(verifyCredentials({ email: owner.email, password: "nope" }, "10.0.0.2")).rejects.toBeInstanceOf(InvalidCredentialsError);
    await expect(verifyCredentials({ email: "nobody@example.test", password: "nope" }, "10.0.0.2")).rejects.toBeInstanceOf(InvalidCredentialsError);
  });

  it("throttles an account after repeated failures, even with the right password, from any client", async () => {
    const owner = await createOwner("throttled");
    for (let i = 0; i < THROTTLE.accountLimit; i++) {
      await expect(verifyCredentials({ email: owner.email, password: `bad-${i}` }, `10.1.0.${i}`)).rejects.toBeInstanceOf(InvalidCredentialsError);
    }
    const attempt = verifyCredentials({ email: owner.email, password: PASSWORD }, "10.1.9.9");
    await expect(attempt).rejects.toBeInstanceOf(SignInThrottledError);
    await expect(attempt).rejects.toThrow(/Too many failed sign-in attempts\. Try again in \d+ minutes?\./);
  });

  it("throttles a client that tries many accounts", async () => {
    const client = "10.2.0.1";
    for (let i = 0; i < THROTTLE.clientLimit; i++) {
      await verifyCredentials({ email: `spray-${i}@example.test`, password: "x" }, client).catch(() => {});
    }
    const victim = await createOwner("sprayed");
    await expect(verifyCredentials({ email: victim.email, password: PASSWORD }, client)).rejects.toBeInstanceOf(SignInThrottledError);
    // Another client is not affected.
    await expect(verifyCredentials({ email: victim.email, password: PASSWORD }, "10.2.0.2")).resolves.toMatchObject({ id: victim.userId });
  });

  it("lets the lock expire", async () => {
    const owner = await createOwner("expired-lock");
    for (let i = 0; i < THROTTLE.accountLimit; i++) {
      await verifyCredentials({ email: owner.email, password: "bad" }, "10.3.0.1").catch(() => {});
    }
    await db.signInThrottle.updateMany({ where: { key: `account:${owner.email}` }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await expect(verifyCredentials({ email: owner.email, password: PASSWORD }, "10.3.0.2")).resolves.toMatchObject({ id: owner.userId });
  });
});

// The per-client limit is keyed on the address the server saw (scripts/start.ts stamps it): a client that
// writes its own X-Forwarded-For for every attempt is still one client.
describe("the per-client limit over HTTP", () => {
  let server: Server;
  let url: string;
  // The server answers under the configuration a test sets here (as a deployment sets TRUST_PROXY).
  let trustProxy: string | undefined;
  beforeAll(async () => {
    server = createServer(
      withClientAddress((req, res) => withConfig({ env: { TRUST_PROXY: trustProxy } }, async () => {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
        const client = clientFromHeaders(headers);
        try {
          await verifyCredentials(JSON.parse(Buffer.concat(chunks).toString("utf8")), client);
          res.writeHead(200).end(client);
        } catch (error) {
          res.writeHead(error instanceof SignInThrottledError ? 429 : 401).end(client);
        }
      })),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => {
    trustProxy = undefined;
  });

  const attempt = (body: { email: string; password: string }, headers: Record<string, string>) =>
    fetch(url, { method: "POST", body: JSON.stringify(body), headers }).then(async (r) => ({ status: r.status, client: await r.text() }));

  it("ignores a forged X-Forwarded-For (and a forged copy of the server's own header) unless TRUST_PROXY says so", async () => {
    await db.signInThrottle.deleteMany({ where: { key: "client:127.0.0.1" } });
    for (let i = 0; i < THROTTLE.clientLimit; i++) {
      const r = await attempt({ email: `rotating-${i}@example.test`, password: "x" }, { "x-forwarded-for": `198.51.100.${i}`, "x-starboard-client-address": `203.0.113.${i}` });
      expect(r).toEqual({ status: 401, client: "127.0.0.1" });
    }
    const victim = await createOwner("rotated");
    expect(await attempt({ email: victim.email, password: PASSWORD }, { "x-forwarded-for": "198.51.100.250" })).toEqual({ status: 429, client: "127.0.0.1" });
    await db.signInThrottle.deleteMany({ where: { key: "client:127.0.0.1" } });
  });

  it("behind a trusted proxy, counts the address the proxy appended", async () => {
    trustProxy = "1";
    const owner = await createOwner("proxied");
    expect(await attempt({ email: owner.email, password: PASSWORD }, { "x-forwarded-for": "6.6.6.6, 198.51.100.77" })).toEqual({ status: 200, client: "198.51.100.77" });
  });
});

// Slack and webhook endpoints may not reach into the server's own network. Every name here resolves through the
// test table (test/host-table.ts): nothing is looked up in DNS, and nothing connects beyond loopback — the
// loopback receiver counts connections, so a refusal is shown to happen before any.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ProjectAccess } from "@/lib/auth/access";
import { resolveAccess } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { createEndpoint, sendTestMessage } from "@/lib/data/notifications/endpoints";
import { withConfig } from "@/lib/env";
import { attemptDelivery } from "@/lib/notifications/deliver";
import { createOwner } from "@/test/fixtures";
import { testHosts } from "@/test/host-table";
import { startWebhookReceiver } from "@/test/notification-sinks";

let ctx: ProjectAccess;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

/** The receivers here are on loopback, which only NOTIFICATIONS_ALLOW_PRIVATE_NETWORKS=1 allows. */
const allowingPrivateNetworks = { env: { NOTIFICATIONS_ALLOW_PRIVATE_NETWORKS: "1" } };
const create = (url: string, kind: "webhook" | "slack" = "webhook") => createEndpoint(ctx, { kind, name: "Hook", url, eventTypes: ["app.review_new"] });
const endpointCount = () => db.notificationEndpoint.count({ where: { projectId: ctx.projectId } });

beforeAll(async () => {
  const owner = await createOwner("ssrf");
  ctx = await resolveAccess(owner.caller, { projectId: owner.projectId }, "integrations:write");
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.stop());
beforeEach(() => {
  receiver.requests.length = 0;
  receiver.status.code = 200;
  delete receiver.status.body;
});
afterEach(() => {
  for (const name of ["internal.test", "mixed.test", "rebind.test", "public.test", "localhost"]) testHosts.delete(name);
});

describe("saving an endpoint", () => {
  it.each([
    ["loopback", (p: number) => `http://127.0.0.1:${p}/hook`],
    ["loopback written 127.1", (p: number) => `http://127.1:${p}/hook`],
    ["loopback written as one number", (p: number) => `http://2130706433:${p}/hook`],
    ["loopback written in hex", (p: number) => `http://0x7f000001:${p}/hook`],
    ["0.0.0.0 (which reaches this machine)", (p: number) => `http://0.0.0.0:${p}/hook`],
    ["IPv6 loopback", (p: number) => `http://[::1]:${p}/hook`],
    ["IPv4-mapped IPv6 loopback", (p: number) => `http://[::ffff:127.0.0.1]:${p}/hook`],
    ["a name resolving to loopback", (p: number) => `http://internal.test:${p}/hook`],
    ["a name resolving to a public and a loopback address", (p: number) => `http://mixed.test:${p}/hook`],
    ["a private network address", () => "http://10.0.0.7/hook"],
    ["a 192.168 address", () => "https://192.168.1.20/hook"],
    ["IPv6 unique-local", () => "http://[fd00::7]/hook"],
    ["cloud metadata (link-local)", () => "http://169.254.169.254/latest/meta-data/"],
    ["IPv6 link-local", () => "http://[fe80::1]/hook"],
  ])("refuses %s with a field error, before any connection", async (_label, url) => {
    testHosts.set("internal.test", ["127.0.0.1"]);
    testHosts.set("mixed.test", ["93.184.216.34", "127.0.0.1"]);
    const before = await endpointCount();
    await expect(create(url(receiver.port))).rejects.toMatchObject({ code: "validation_failed", fieldErrors: { url: expect.stringMatching(/private network|internal address/) } });
    expect(await endpointCount()).toBe(before);
    expect(receiver.connections()).toBe(0);
  });

  it("refuses a name that does not resolve", async () => {
    await expect(create("https://nowhere.test/hook")).rejects.toMatchObject({ code: "validation_failed", fieldErrors: { url: expect.stringContaining("could not be resolved") } });
  });

  it("accepts a public address without connecting to it", async () => {
    testHosts.set("public.test", ["93.184.216.34"]);
    const { endpoint } = await create("https://public.test/hooks/abcd");
    expect(endpoint.urlHint).toBe("https://public.test/…abcd");
  });

  it("with NOTIFICATIONS_ALLOW_PRIVATE_NETWORKS a private network is allowed, link-local and 0.0.0.0 still are not", async () => {
    await withConfig(allowingPrivateNetworks, async () => {
      await expect(create(receiver.url())).resolves.toBeTruthy();
      await expect(create("http://10.0.0.7/hook")).resolves.toBeTruthy();
      await expect(create("http://169.254.169.254/latest/meta-data/")).rejects.toMatchObject({ code: "validation_failed" });
      await expect(create(`http://0.0.0.0:${receiver.port}/hook`)).rejects.toMatchObject({ code: "validation_failed" });
      expect(receiver.connections()).toBe(0);
    });
  });
});

describe("sending", () => {
  it("re-resolves the name at send time and refuses a name that now points into the network (DNS rebinding), before connecting", async () => {
    testHosts.set("rebind.test", ["93.184.216.34"]);
    const { endpoint } = await create(`http://rebind.test:${receiver.port}/hook`);
    testHosts.set("rebind.test", ["127.0.0.1"]);
    const lookupsBefore = testHosts.lookups.length;
    const result = await sendTestMessage(ctx, endpoint.id);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/private network/) });
    expect(testHosts.lookups.slice(lookupsBefore)).toEqual(["rebind.test"]);
    expect(receiver.connections()).toBe(0);
  });

  it("a real delivery is refused the same way and recorded as a failed attempt, before connecting", async () => {
    testHosts.set("rebind.test", ["93.184.216.34"]);
    const { endpoint } = await create(`http://rebind.test:${receiver.port}/hook`);
    testHosts.set("rebind.test", ["::ffff:127.0.0.1"]);
    const row = await db.notificationEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    const delivery = await db.notificationDelivery.create({
      data: {
        teamId: row.teamId,
        projectId: row.projectId,
        endpointId: row.id,
        channel: "webhook",
        eventType: "app.review_new",
        dedupeKey: `ssrf:${row.id}`,
        recipientKey: row.id,
        status: "pending",
        payload: { id: "e1", type: "app.review_new", occurredAt: new Date().toISOString(), title: "t", body: null, link: null, team: { id: row.teamId, name: "T" }, project: null, app: null, syncRunId: null, data: {} },
      },
    });
    expect(await attemptDelivery(delivery.id)).toMatchObject({ outcome: "retry" });
    expect((await db.notificationDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).lastError).toMatch(/private network/);
    expect(receiver.connections()).toBe(0);
  });

  it("connects to the address that was checked, not to a fresh lookup (allowed private network)", async () => {
    await withConfig(allowingPrivateNetworks, async () => {
      // "localhost" would resolve to 127.0.0.1 through the system; the check's answer is 127.0.0.2, where this receiver listens.
      const pinned = await startWebhookReceiver("127.0.0.2");
      try {
        testHosts.set("localhost", ["127.0.0.2"]);
        const { endpoint } = await create(`http://localhost:${pinned.port}/pinned`);
        expect(await sendTestMessage(ctx, endpoint.id)).toEqual({ ok: true, error: null });
        expect(pinned.requests).toHaveLength(1);
        expect(pinned.requests[0]).toMatchObject({ path: "/pinned", headers: { host: `localhost:${pinned.port}` } });
      } finally {
        await pinned.stop();
      }
    });
  });

  it("says only the receiver's status, never its body", async () => {
    await withConfig(allowingPrivateNetworks, async () => {
      const { endpoint } = await create(receiver.url("/echo"));
      receiver.status.code = 500;
      receiver.status.body = "internal-admin-token=s3cr3t; stack trace follows";
      const result = await sendTestMessage(ctx, endpoint.id);
      expect(result).toEqual({ ok: false, error: "The receiver answered HTTP 500." });
      expect(receiver.requests).toHaveLength(1);
    });
  });

  it("a closed port, a connection that never answers and a timeout all read the same", async () => {
    await withConfig({ ...allowingPrivateNetworks, deliveries: { timeoutMs: 300 } }, async () => {
      const closed = await startWebhookReceiver();
      const closedUrl = closed.url("/gone");
      await closed.stop();
      const { endpoint: toClosed } = await create(closedUrl);
      // Accepts and reads the request, never answers.
      const silent = await import("node:net").then(({ createServer }) => createServer((socket) => socket.resume()));
      await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
      const { endpoint: toSilent } = await create(`http://127.0.0.1:${(silent.address() as { port: number }).port}/hook`);
      try {
        const answers = [await sendTestMessage(ctx, toClosed.id), await sendTestMessage(ctx, toSilent.id)];
        expect(answers).toEqual([
          { ok: false, error: "Could not reach the receiver." },
          { ok: false, error: "Could not reach the receiver." },
        ]);
      } finally {
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    });
  });
});

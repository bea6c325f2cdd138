import { InngestTestEngine } from "@inngest/test";
import { afterAll, aroundAll, describe, expect, it } from "vitest";
import { resolveAccess } from "@/lib/auth/access";
import { createEndpoint } from "@/lib/data/notifications/endpoints";
import { db } from "@/lib/db";
import { withConfig } from "@/lib/env";
import { startWebhookReceiver } from "@/test/notification-sinks";
import { createOwner } from "@/test/fixtures";
import { deliverNotifications, sweepNotificationDeliveries } from "./notifications";

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
aroundAll(async (runSuite) => {
  receiver = await startWebhookReceiver();
  // The receiver is on loopback, which only a self-hoster's explicit setting allows.
  await withConfig({ env: { NOTIFICATIONS_ALLOW_PRIVATE_NETWORKS: "1" }, deliveries: { backoffMs: [0], timeoutMs: 2_000 } }, runSuite);
});
afterAll(async () => {
  await receiver.stop();
});

async function pendingWebhookDelivery() {
  const owner = await createOwner("inngest");
  const ctx = await resolveAccess(owner.caller, { projectId: owner.projectId }, "integrations:write");
  const { endpoint } = await createEndpoint(ctx, { kind: "webhook", name: "Ops", url: receiver.url("/inngest"), eventTypes: ["app.review_new"] });
  const dedupeKey = `app.review_new:${owner.projectId}:${crypto.randomUUID()}`;
  const delivery = await db.notificationDelivery.create({
    data: {
      teamId: owner.teamId,
      projectId: owner.projectId,
      eventType: "app.review_new",
      dedupeKey,
      channel: "webhook",
      recipientKey: endpoint.id,
      endpointId: endpoint.id,
      status: "pending",
      payload: { id: dedupeKey, type: "app.review_new", occurredAt: new Date().toISOString(), title: "1 new review", body: null, link: null, team: { id: owner.teamId, name: "t" }, project: null, app: null, syncRunId: null, data: {} },
    },
  });
  return { dedupeKey, delivery };
}

describe("notifications-deliver", () => {
  it("sends an event's deliveries in named steps, sleeping between attempts, and retries a failed receiver", async () => {
    const { dedupeKey, delivery } = await pendingWebhookDelivery();
    receiver.status.failNext = 1;
    const t = new InngestTestEngine({ function: deliverNotifications });
    // Sleeps are mocked by step id (the test engine does not wait for them).
    const { result, ctx } = await t.execute({
      events: [{ name: "notifications/deliver.requested", data: { dedupeKey } }],
      steps: [1, 2, 3].map((n) => ({ id: `backoff-${delivery.id}-${n}`, handler: () => null })),
    });
    expect(result).toEqual({ [delivery.id]: "sent" });
    const stepIds = (ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
    expect(stepIds).toEqual(["open-deliveries", `deliver-${delivery.id}-1`, `deliver-${delivery.id}-2`]);
    expect((ctx.step.sleep as unknown as { mock: { calls: [string, number][] } }).mock.calls.map((c) => c[0])).toEqual([`backoff-${delivery.id}-1`]);
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("registers its trigger, per-event concurrency and retries; the sweep runs every 15 minutes", () => {
    expect(deliverNotifications.opts).toMatchObject({ id: "notifications-deliver", triggers: [{ event: "notifications/deliver.requested" }], concurrency: [{ key: "event.data.dedupeKey", limit: 1 }], retries: 3 });
    expect(sweepNotificationDeliveries.opts).toMatchObject({ id: "notifications-sweep", triggers: [{ cron: "TZ=UTC */15 * * * *" }], singleton: { mode: "skip" } });
  });

  it("the sweep re-requests deliveries left open past their due time", async () => {
    const { dedupeKey, delivery } = await pendingWebhookDelivery();
    await db.notificationDelivery.update({ where: { id: delivery.id }, data: { nextAttemptAt: new Date(Date.now() - 60 * 60_000) } });
    const t = new InngestTestEngine({ function: sweepNotificationDeliveries });
    const { result, ctx } = await t.execute({ steps: [{ id: "resume", handler: () => ({ ids: [] }) }] });
    expect((result as { resumed: number }).resumed).toBeGreaterThanOrEqual(1);
    const sent = (ctx.step.sendEvent as unknown as { mock: { calls: [string, { data: { dedupeKey: string } }[]][] } }).mock.calls[0][1];
    expect(sent.map((e) => e.data.dedupeKey)).toContain(dedupeKey);
  });
});

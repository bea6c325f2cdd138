// The dispatcher end to end: real PostgreSQL, a real SMTP sink and a real webhook receiver.
import { afterAll, aroundAll, beforeEach, describe, expect, it } from "vitest";
import { resolveAccess } from "@/lib/auth/access";
import { createEndpoint } from "@/lib/data/notifications/endpoints";
import { setNotificationPreference, setProjectMute, setReviewStarFilter } from "@/lib/data/notifications/settings";
import { db } from "@/lib/db";
import { withConfig } from "@/lib/env";
import { addMember, createApp, createOwner } from "@/test/fixtures";
import { notify, type NotificationEvent } from "./notify";
import { DELIVERY_POLICY } from "./policy";
import { settleBackgroundWork } from "@/lib/jobs/dispatch";
import { verifyWebhookSignature } from "./signature";
import { startSmtpSink, startWebhookReceiver } from "@/test/notification-sinks";

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

aroundAll(async (runSuite) => {
  smtp = await startSmtpSink();
  receiver = await startWebhookReceiver();
  await withConfig(
    {
      // The webhook receiver is on loopback, which only a self-hoster's explicit setting allows.
      env: { SMTP_URL: smtp.url, SMTP_FROM: "Starboard <alerts@starboard.test>", NOTIFICATIONS_ALLOW_PRIVATE_NETWORKS: "1" },
      deliveries: { backoffMs: [5, 10, 20], disableAfterFailedDeliveries: 2, timeoutMs: 2_000 },
    },
    runSuite,
  );
});
afterAll(async () => {
  await smtp.stop();
  await receiver.stop();
});
beforeEach(() => {
  smtp.mails.length = 0;
  receiver.requests.length = 0;
  receiver.status.code = 200;
  receiver.status.failNext = 0;
});

async function world() {
  const owner = await createOwner("owner");
  const admin = await addMember(owner.teamId, "admin");
  const member = await addMember(owner.teamId, "member");
  const app = await createApp(owner.teamId, owner.projectId, { name: "Weather" });
  const run = await db.syncRun.create({ data: { kind: "app_store_connect_reviews_sync", scope: "project", trigger: "manual", teamId: owner.teamId, projectId: owner.projectId, status: "running", startedAt: new Date() } });
  const emails = new Map<string, string>();
  for (const u of [owner, admin, member]) emails.set(u.userId, (await db.user.findUniqueOrThrow({ where: { id: u.userId } })).email);
  const ctx = await resolveAccess(owner.caller, { projectId: owner.projectId }, "integrations:write");
  const reviewEvent = (overrides: Partial<NotificationEvent> = {}): NotificationEvent => ({
    type: "app.review_new",
    teamId: owner.teamId,
    projectId: owner.projectId,
    appId: app.id,
    syncRunId: run.id,
    title: "2 new reviews for Weather",
    body: "★ Crashes on launch",
    link: `/dashboard/reviews?review=00000000-0000-0000-0000-000000000001`,
    reviewStars: [1, 5],
    ...overrides,
  });
  return { owner, admin, member, app, run, emails, ctx, reviewEvent, email: (id: string) => emails.get(id)! };
}

const inbox = (userId: string) => db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));

async function send(event: NotificationEvent) {
  const written = await notify(event);
  await settleBackgroundWork();
  return written;
}

describe("notify", () => {
  it("reaches every member in-app and by email with the default preferences for new reviews, once even when the step is retried", async () => {
    const w = await world();
    expect(await send(w.reviewEvent())).toBe(3);
    // The same sync step retried, then the whole run re-executed: nothing new anywhere.
    expect(await send(w.reviewEvent())).toBe(0);
    expect(await send(w.reviewEvent({ title: "changed on retry" }))).toBe(0);
    for (const u of [w.owner, w.admin, w.member]) {
      expect((await inbox(u.userId)).map((n) => n.title)).toEqual(["2 new reviews for Weather"]);
      expect(mailsTo(w.email(u.userId))).toHaveLength(1);
    }
    const mail = mailsTo(w.email(w.member.userId))[0];
    expect(mail.subject).toBe("2 new reviews for Weather");
    expect(mail.from).toBe("alerts@starboard.test");
    expect(mail.decoded).toContain("Open in Starboard: http://localhost:3000/dashboard/reviews?review=00000000-0000-0000-0000-000000000001");
    const deliveries = await db.notificationDelivery.findMany({ where: { teamId: w.owner.teamId } });
    expect(deliveries.map((d) => `${d.channel}:${d.status}`).sort()).toEqual(["email:sent", "email:sent", "email:sent", "in_app:sent", "in_app:sent", "in_app:sent"]);
  });

  it("keeps rating changes in-app only by default, and sync failures for owners and admins", async () => {
    const w = await world();
    await send({ ...w.reviewEvent(), type: "app.rating_changed", title: "Weather: +12 ratings" });
    expect(smtp.mails).toHaveLength(0);
    expect(await inbox(w.member.userId)).toHaveLength(1);

    await send({ type: "sync.failed", teamId: w.owner.teamId, projectId: w.owner.projectId, syncRunId: w.run.id, title: "Review sync failed" });
    expect(await inbox(w.member.userId)).toHaveLength(1);
    expect(mailsTo(w.email(w.member.userId))).toHaveLength(0);
    for (const u of [w.owner, w.admin]) {
      expect((await inbox(u.userId)).map((n) => n.type)).toContain("sync.failed");
      expect(mailsTo(w.email(u.userId)).map((m) => m.subject)).toEqual(["Review sync failed"]);
    }
  });

  it("applies a preference change, a project mute and a star filter to the next event", async () => {
    const w = await world();
    await setNotificationPreference(w.member.userId, { type: "app.review_new", channel: "email", enabled: false });
    await setNotificationPreference(w.admin.userId, { type: "app.rating_changed", channel: "email", enabled: true });
    await setProjectMute(w.owner.userId, { projectId: w.owner.projectId, muted: true });
    await send(w.reviewEvent());
    await send({ ...w.reviewEvent(), type: "app.rating_changed", title: "Weather: +3 ratings" });
    expect(await inbox(w.owner.userId)).toHaveLength(0);
    expect(mailsTo(w.email(w.owner.userId))).toHaveLength(0);
    expect(mailsTo(w.email(w.member.userId))).toHaveLength(0);
    expect((await inbox(w.member.userId)).map((n) => n.type)).toEqual(["app.review_new", "app.rating_changed"]);
    expect(mailsTo(w.email(w.admin.userId)).map((m) => m.subject).sort()).toEqual(["2 new reviews for Weather", "Weather: +3 ratings"]);

    // Only 1–2★ for the member: a run with only 4–5★ reviews passes them by, one with a 2★ does not.
    await setReviewStarFilter(w.member.userId, [1, 2]);
    const run2 = await db.syncRun.create({ data: { kind: "app_store_connect_reviews_sync", scope: "project", trigger: "schedule", teamId: w.owner.teamId, projectId: w.owner.projectId, status: "running" } });
    await send(w.reviewEvent({ syncRunId: run2.id, reviewStars: [4, 5], title: "happy reviews" }));
    const run3 = await db.syncRun.create({ data: { kind: "app_store_connect_reviews_sync", scope: "project", trigger: "schedule", teamId: w.owner.teamId, projectId: w.owner.projectId, status: "running" } });
    await send(w.reviewEvent({ syncRunId: run3.id, reviewStars: [2, 5], title: "mixed reviews" }));
    expect((await inbox(w.member.userId)).map((n) => n.title)).not.toContain("happy reviews");
    expect((await inbox(w.member.userId)).map((n) => n.title)).toContain("mixed reviews");
    expect((await inbox(w.admin.userId)).map((n) => n.title)).toEqual(expect.arrayContaining(["happy reviews", "mixed reviews"]));
  });

  it("posts to the project's Slack channel and signs its webhook so the receiver can verify it, once per event", async () => {
    const w = await world();
    const slack = await createEndpoint(w.ctx, { kind: "slack", name: "#reviews", url: receiver.url("/slack/T000/B000/XXXX"), eventTypes: ["app.review_new"] });
    const hook = await createEndpoint(w.ctx, { kind: "webhook", name: "Ops", url: receiver.url("/hook"), eventTypes: ["app.review_new", "sync.failed"] });
    expect(slack.secret).toBeNull();
    expect(hook.secret).toMatch(/^whsec_/);
    await send(w.reviewEvent());
    await send(w.reviewEvent());
    await send({ ...w.reviewEvent(), type: "app.rating_changed", title: "not subscribed" });

    const slackCalls = receiver.requests.filter((r) => r.path.startsWith("/slack"));
    expect(slackCalls).toHaveLength(1);
    expect(JSON.parse(slackCalls[0].body)).toMatchObject({ text: expect.stringContaining("2 new reviews for Weather"), blocks: expect.any(Array) });

    const hookCalls = receiver.requests.filter((r) => r.path === "/hook");
    expect(hookCalls).toHaveLength(1);
    const call = hookCalls[0];
    expect(verifyWebhookSignature({ secret: hook.secret!, body: call.body, signature: call.headers["x-starboard-signature"] as string, timestamp: call.headers["x-starboard-timestamp"] as string })).toEqual({ ok: true });
    expect(verifyWebhookSignature({ secret: "whsec_wrong", body: call.body, signature: call.headers["x-starboard-signature"] as string, timestamp: call.headers["x-starboard-timestamp"] as string })).toMatchObject({ ok: false });
    const body = JSON.parse(call.body);
    expect(body).toMatchObject({ type: "app.review_new", title: "2 new reviews for Weather", app: { id: w.app.id, name: "Weather" }, syncRunId: w.run.id, data: { reviewStars: [1, 5] } });
    expect(body.url).toMatch(/^https?:\/\/.+\/dashboard\/reviews\?review=/);
    expect(call.headers["x-starboard-event"]).toBe("app.review_new");
  });

  it("retries a failing webhook with backoff, then turns it off and tells the admins in-app", async () => {
    const w = await world();
    const hook = await createEndpoint(w.ctx, { kind: "webhook", name: "Flaky", url: receiver.url("/flaky"), eventTypes: ["app.review_new"] });
    receiver.status.code = 500;
    await send(w.reviewEvent());
    expect(receiver.requests).toHaveLength(DELIVERY_POLICY.maxAttempts);
    const first = await db.notificationDelivery.findFirstOrThrow({ where: { endpointId: hook.endpoint.id } });
    expect(first).toMatchObject({ status: "failed", attempts: DELIVERY_POLICY.maxAttempts, lastError: expect.stringContaining("HTTP 500") });
    expect((await db.notificationEndpoint.findUniqueOrThrow({ where: { id: hook.endpoint.id } })).enabled).toBe(true);

    const run2 = await db.syncRun.create({ data: { kind: "app_store_connect_reviews_sync", scope: "project", trigger: "schedule", teamId: w.owner.teamId, projectId: w.owner.projectId, status: "running" } });
    await send(w.reviewEvent({ syncRunId: run2.id }));
    const endpoint = await db.notificationEndpoint.findUniqueOrThrow({ where: { id: hook.endpoint.id } });
    expect(endpoint).toMatchObject({ enabled: false, consecutiveFailures: 2, disabledReason: expect.stringContaining("2 deliveries in a row failed") });
    for (const u of [w.owner, w.admin]) {
      expect((await inbox(u.userId)).filter((n) => n.type === "webhook.disabled").map((n) => n.title)).toEqual(["Webhook “Flaky” was turned off"]);
    }
    expect((await inbox(w.member.userId)).map((n) => n.type)).not.toContain("webhook.disabled");

    // Turned off: the next event does not try it at all.
    receiver.requests.length = 0;
    receiver.status.code = 200;
    const run3 = await db.syncRun.create({ data: { kind: "app_store_connect_reviews_sync", scope: "project", trigger: "schedule", teamId: w.owner.teamId, projectId: w.owner.projectId, status: "running" } });
    await send(w.reviewEvent({ syncRunId: run3.id }));
    expect(receiver.requests).toHaveLength(0);
  });

  it("recovers from a failure within the retries and resets the failure count", async () => {
    const w = await world();
    const hook = await createEndpoint(w.ctx, { kind: "webhook", name: "Blip", url: receiver.url("/blip"), eventTypes: ["app.review_new"] });
    receiver.status.failNext = 2;
    await send(w.reviewEvent());
    const delivery = await db.notificationDelivery.findFirstOrThrow({ where: { endpointId: hook.endpoint.id } });
    expect(delivery.status).toBe("sent");
    expect(delivery.attempts).toBe(3);
    expect(receiver.requests).toHaveLength(3);
    expect((await db.notificationEndpoint.findUniqueOrThrow({ where: { id: hook.endpoint.id } })).consecutiveFailures).toBe(0);
  });
});

describe("email without SMTP", () => {
  it("writes the mail to the local outbox instead", async () => {
    await withConfig({ env: { SMTP_URL: undefined } }, async () => {
      const w = await world();
      await send(w.reviewEvent());
      expect(smtp.mails).toHaveLength(0);
      const outbox = await db.emailOutbox.findMany({ where: { userId: w.member.userId } });
      expect(outbox).toHaveLength(1);
      expect(outbox[0]).toMatchObject({ toAddress: w.email(w.member.userId), subject: "2 new reviews for Weather" });
      expect(outbox[0].htmlBody).toContain("Open in Starboard");
    });
  });
});

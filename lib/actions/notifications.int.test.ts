// Notification actions: a user's inbox and settings are theirs alone; project endpoints are for owners and admins.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";
import { addMember, createOwner } from "@/test/fixtures";
import { testHosts } from "@/test/host-table";
import { actionResult } from "@/lib/operations/adapters/server-action";
import type { Operation } from "@/lib/operations/define-operation";
import * as notificationOps from "@/lib/operations/notifications";

let alice: Awaited<ReturnType<typeof createOwner>>;
let bob: Awaited<ReturnType<typeof createOwner>>;
let aliceMember: { userId: string; caller: { kind: "user"; userId: string } };

beforeAll(async () => {
  // Resolved from the test table (a public address; nothing connects to it).
  testHosts.set("ops.example.com", ["93.184.216.34"]);
  alice = await createOwner("alice");
  bob = await createOwner("bob");
  aliceMember = (await addMember(alice.teamId, "member")) as typeof aliceMember;
  for (const [teamId, projectId] of [[alice.teamId, alice.projectId], [bob.teamId, bob.projectId]]) {
    await notify({ type: "app.rating_changed", teamId, projectId, title: `news for ${teamId}`, dedupeKey: `seed:${teamId}` });
  }
});

const endpointsOf = (projectId: string) => db.notificationEndpoint.findMany({ where: { projectId }, orderBy: { id: "asc" } }).then((r) => JSON.stringify(r));
const noteOf = (userId: string) => db.notification.findFirstOrThrow({ where: { userId } });

describe("the inbox", () => {
  it("lists only the caller's own notifications, with the unread count", async () => {
    const result = await actionResult(notificationOps.listNotifications, bob.caller, {});
    expect(result).toMatchObject({ ok: true, data: { unread: 1, items: [{ title: `news for ${bob.teamId}`, read: false }] } });
  });

  it("refuses to mark another user's notification read ('not found') and leaves it unread", async () => {
    const aliceNote = await noteOf(alice.userId);
    const result = await actionResult(notificationOps.markNotificationRead, bob.caller, { notificationId: aliceNote.id });
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect((await noteOf(alice.userId)).readAt).toBeNull();
    // Same team, another user: still not theirs.
    const fromTeammate = await actionResult(notificationOps.markNotificationRead, aliceMember.caller, { notificationId: aliceNote.id });
    expect(fromTeammate).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect((await noteOf(alice.userId)).readAt).toBeNull();
  });

  it("marks one read, and 'all read' touches only the caller's", async () => {
    const mine = await noteOf(aliceMember.userId);
    expect(await actionResult(notificationOps.markNotificationRead, aliceMember.caller, { notificationId: mine.id })).toMatchObject({ ok: true });
    expect((await noteOf(aliceMember.userId)).readAt).not.toBeNull();
    expect(await actionResult(notificationOps.markAllNotificationsRead, bob.caller, {})).toMatchObject({ ok: true, data: { marked: 1 } });
    expect((await noteOf(alice.userId)).readAt).toBeNull();
    expect((await noteOf(bob.userId)).readAt).not.toBeNull();
  });

  it("hides notifications of a team the user has left", async () => {
    const leaver = await addMember(bob.teamId, "member");
    await notify({ type: "app.rating_changed", teamId: bob.teamId, projectId: bob.projectId, title: "before leaving", dedupeKey: `leave:${leaver.userId}` });
    await db.teamMember.delete({ where: { teamId_userId: { teamId: bob.teamId, userId: leaver.userId } } });
    expect(await actionResult(notificationOps.listNotifications, leaver.caller, {})).toMatchObject({ ok: true, data: { items: [], unread: 0 } });
  });
});

describe("settings", () => {
  it("refuses to mute a project of another team", async () => {
    const result = await actionResult(notificationOps.setProjectMute, bob.caller, { projectId: alice.projectId, muted: true });
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await db.notificationProjectMute.count({ where: { projectId: alice.projectId } })).toBe(0);
  });

  it("validates types, channels and stars", async () => {
    expect(await actionResult(notificationOps.setNotificationPreference, bob.caller, { type: "nope" as never, channel: "email", enabled: true })).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect(await actionResult(notificationOps.setNotificationPreference, bob.caller, { type: "app.review_new", channel: "sms" as never, enabled: true })).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect(await actionResult(notificationOps.setReviewStarFilter, bob.caller, { stars: [0, 6] })).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect(await actionResult(notificationOps.setReviewStarFilter, bob.caller, { stars: [2, 1, 2] })).toMatchObject({ ok: true, data: { reviewStars: [1, 2] } });
  });
});

describe("project endpoints", () => {
  it("owners create a webhook and see its secret once; lists never carry the URL or the secret", async () => {
    const result = await actionResult(notificationOps.createNotificationEndpoint, alice.caller, { projectId: alice.projectId, kind: "webhook", name: "Ops", url: "https://ops.example.com/hooks/starboard-abcd", eventTypes: ["app.review_new", "sync.failed"] });
    expect(result).toMatchObject({ ok: true, data: { secret: expect.stringMatching(/^whsec_/), endpoint: { name: "Ops", urlHint: "https://ops.example.com/…abcd", enabled: true } } });
    const row = await db.notificationEndpoint.findFirstOrThrow({ where: { projectId: alice.projectId } });
    expect(row.urlSealed).not.toContain("ops.example.com");
    expect(row.secretSealed).not.toContain((result as { data: { secret: string } }).data.secret);
    expect(JSON.stringify((result as { data: { endpoint: unknown } }).data.endpoint)).not.toContain("Sealed");
  });

  it("refuses Slack URLs that are not https, and events endpoints cannot take", async () => {
    expect(await actionResult(notificationOps.createNotificationEndpoint, alice.caller, { projectId: alice.projectId, kind: "slack", name: "#x", url: "http://hooks.slack.com/services/x", eventTypes: ["app.review_new"] })).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect(await actionResult(notificationOps.createNotificationEndpoint, alice.caller, { projectId: alice.projectId, kind: "webhook", name: "x", url: "https://x.example", eventTypes: ["webhook.disabled"] as never })).toMatchObject({ ok: false, error: { code: "validation_failed" } });
  });

  it("an existing endpoint cannot be changed by another team (not found), a member (forbidden) or through another project id", async () => {
    const endpoint = await db.notificationEndpoint.findFirstOrThrow({ where: { projectId: alice.projectId } });
    const before = await endpointsOf(alice.projectId);
    const input = { projectId: alice.projectId, endpointId: endpoint.id };
    for (const action of <Operation[]>[notificationOps.updateNotificationEndpoint, notificationOps.rotateNotificationEndpointSecret, notificationOps.deleteNotificationEndpoint, notificationOps.testNotificationEndpoint]) {
      expect(await actionResult(action, bob.caller, { ...input, enabled: false })).toMatchObject({ ok: false, error: { code: "not_found" } });
      expect(await actionResult(action, aliceMember.caller, { ...input, enabled: false })).toMatchObject({ ok: false, error: { code: "forbidden" } });
      // Bob owns his project, but the endpoint is Alice's.
      expect(await actionResult(action, bob.caller, { projectId: bob.projectId, endpointId: endpoint.id, enabled: false })).toMatchObject({ ok: false, error: { code: "not_found" } });
    }
    expect(await endpointsOf(alice.projectId)).toBe(before);
  });

  it("owners turn an endpoint off and on (which clears its failure count), rotate its secret and delete it", async () => {
    const endpoint = await db.notificationEndpoint.findFirstOrThrow({ where: { projectId: alice.projectId } });
    await db.notificationEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false, consecutiveFailures: 3, disabledReason: "3 deliveries in a row failed" } });
    expect(await actionResult(notificationOps.updateNotificationEndpoint, alice.caller, { projectId: alice.projectId, endpointId: endpoint.id, enabled: true })).toMatchObject({ ok: true, data: { enabled: true, consecutiveFailures: 0, disabledReason: null } });
    const rotated = await actionResult(notificationOps.rotateNotificationEndpointSecret, alice.caller, { projectId: alice.projectId, endpointId: endpoint.id });
    expect(rotated).toMatchObject({ ok: true, data: { secret: expect.stringMatching(/^whsec_/) } });
    expect((await db.notificationEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).secretSealed).not.toBe(endpoint.secretSealed);
    expect(await actionResult(notificationOps.deleteNotificationEndpoint, alice.caller, { projectId: alice.projectId, endpointId: endpoint.id })).toMatchObject({ ok: true });
    expect(await db.notificationEndpoint.count({ where: { projectId: alice.projectId } })).toBe(0);
  });
});

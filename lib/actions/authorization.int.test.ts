// For every server action: a user of another team gets "not found", a member without the permission gets
// "forbidden", and nothing changed either way.
import { beforeAll, describe, expect, it } from "vitest";
import { resolveAccess, type Caller } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { saveIntegration } from "@/lib/data/integrations";
import { createEndpoint } from "@/lib/data/notifications/endpoints";
import { AGENT_KEY_PERMISSIONS } from "@/lib/data/agent-keys";
import { addMember, createApp, createOwner, tenantSnapshot } from "@/test/fixtures";
import { testHosts } from "@/test/host-table";
import { ISSUER, TEAM_KEY } from "@/test/reviews-world";
import { createAppAction, deleteAppAction, retryAppStoreLookupAction, updateAppAction } from "./defs/apps";
import { createProjectAction, deleteProjectAction, renameProjectAction } from "./defs/projects";
import {
  changeMemberRoleAction,
  createInviteAction,
  removeMemberAction,
  revokeInviteAction,
  updateTeamSettingsAction,
} from "./defs/teams";
import { requestRatingsSyncAction } from "./defs/ratings";
import type { ScopedAction } from "./define-action";
import { createAgentKeyAction, listAgentKeysAction, revokeAgentKeyAction } from "./defs/agent-keys";
import {
  copyIntegrationAction,
  integrationStatusAction,
  removeIntegrationAction,
  requestReviewsSyncAction,
  saveIntegrationAction,
  setIntegrationEnabledAction,
  testConnectionAction,
} from "./defs/integrations";
import { deleteReplyAction, getReviewAction, publishReplyAction, searchReviewsAction } from "./defs/reviews";
import {
  setProjectMuteAction,
  createNotificationEndpointAction,
  deleteNotificationEndpointAction,
  rotateNotificationEndpointSecretAction,
  testNotificationEndpointAction,
  updateNotificationEndpointAction,
} from "./defs/notifications";

interface World {
  teamId: string;
  projectId: string;
  appId: string;
  memberUserId: string;
  adminUserId: string;
  inviteId: string;
  reviewId: string;
  secondProjectId: string;
  agentKeyId: string;
}

let victim: World;
let outsider: Caller;
let outsiderOwner: Awaited<ReturnType<typeof createOwner>>;
let member: Caller;

beforeAll(async () => {
  const owner = await createOwner("victim");
  const app = await createApp(owner.teamId, owner.projectId, { bundleId: "com.victim.app" });
  const m = await addMember(owner.teamId, "member");
  const a = await addMember(owner.teamId, "admin");
  const invite = await db.teamInvite.create({
    data: { teamId: owner.teamId, tokenHash: `hash-${owner.teamId}`, role: "member", expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const review = await db.appStoreReview.create({
    data: { teamId: owner.teamId, projectId: owner.projectId, appId: app.id, externalId: "victim-review", rating: 3, body: "Fine", createdAtInStore: new Date("2026-01-01T00:00:00Z") },
  });
  const second = await db.project.create({ data: { teamId: owner.teamId, name: "Second" } });
  const agentKey = await db.apiKey.create({
    data: { teamId: owner.teamId, name: "victim key", prefix: "sb_victim00", keyHash: `hash-key-${owner.teamId}`, permissions: ["reviews:read"] },
  });
  victim = {
    teamId: owner.teamId,
    projectId: owner.projectId,
    appId: app.id,
    memberUserId: m.userId,
    adminUserId: a.userId,
    inviteId: invite.id,
    reviewId: review.id,
    secondProjectId: second.id,
    agentKeyId: agentKey.id,
  };
  member = m.caller;
  outsiderOwner = await createOwner("outsider");
  outsider = outsiderOwner.caller;
});

const NO_ENDPOINT = "00000000-0000-4000-8000-000000000001";

// Each entry: the action and a valid input aimed at the victim team's objects.
const cases: Array<[string, ScopedAction<never, unknown>, (w: World) => unknown]> = [
  ["createProject", createProjectAction as never, (w) => ({ teamId: w.teamId, name: "Intruder" })],
  ["renameProject", renameProjectAction as never, (w) => ({ projectId: w.projectId, name: "Renamed" })],
  ["deleteProject", deleteProjectAction as never, (w) => ({ projectId: w.projectId })],
  ["createApp", createAppAction as never, (w) => ({ projectId: w.projectId, name: "X", platform: "apple", bundleId: "com.intruder.x" })],
  ["updateApp", updateAppAction as never, (w) => ({ appId: w.appId, name: "X", platform: "apple", bundleId: "com.intruder.y" })],
  ["deleteApp", deleteAppAction as never, (w) => ({ appId: w.appId })],
  ["retryAppStoreLookup", retryAppStoreLookupAction as never, (w) => ({ appId: w.appId })],
  ["changeMemberRole", changeMemberRoleAction as never, (w) => ({ teamId: w.teamId, userId: w.adminUserId, role: "member" })],
  ["removeMember", removeMemberAction as never, (w) => ({ teamId: w.teamId, userId: w.adminUserId })],
  ["updateTeamSettings", updateTeamSettingsAction as never, (w) => ({ teamId: w.teamId, membersMayPublishReplies: true })],
  ["createInvite", createInviteAction as never, (w) => ({ teamId: w.teamId, role: "member" })],
  ["revokeInvite", revokeInviteAction as never, (w) => ({ teamId: w.teamId, inviteId: w.inviteId })],
  ["createAgentKey", createAgentKeyAction as never, (w) => ({ teamId: w.teamId, name: "Intruder key", projectId: w.projectId, permissions: ["reviews:write"] })],
  ["revokeAgentKey", revokeAgentKeyAction as never, (w) => ({ teamId: w.teamId, keyId: w.agentKeyId })],
  ["listAgentKeys", listAgentKeysAction as never, (w) => ({ teamId: w.teamId })],
  ["saveIntegration", saveIntegrationAction as never, (w) => ({ projectId: w.projectId, keyType: "individual", keyId: "ABCDEFGH12", privateKey: "x" })],
  ["testConnection", testConnectionAction as never, (w) => ({ projectId: w.projectId })],
  ["copyIntegration", copyIntegrationAction as never, (w) => ({ projectId: w.projectId, sourceProjectId: w.secondProjectId })],
  ["setIntegrationEnabled", setIntegrationEnabledAction as never, (w) => ({ projectId: w.projectId, enabled: false })],
  ["removeIntegration", removeIntegrationAction as never, (w) => ({ projectId: w.projectId, confirm: "remove" })],
  ["requestReviewsSync", requestReviewsSyncAction as never, (w) => ({ projectId: w.projectId })],
  ["publishReply", publishReplyAction as never, (w) => ({ reviewId: w.reviewId, body: "Hello" })],
  ["deleteReply", deleteReplyAction as never, (w) => ({ reviewId: w.reviewId, confirm: "delete" })],
  ["requestRatingsSync", requestRatingsSyncAction as never, (w) => ({ projectId: w.projectId })],
  // Notification endpoints (lib/actions/notifications.int.test.ts also checks existing endpoints stay untouched).
  ["createNotificationEndpoint", createNotificationEndpointAction as never, (w) => ({ projectId: w.projectId, kind: "webhook", name: "Intruder", url: "https://intruder.example/hook", eventTypes: ["app.review_new"] })],
  ["updateNotificationEndpoint", updateNotificationEndpointAction as never, (w) => ({ projectId: w.projectId, endpointId: NO_ENDPOINT, enabled: false })],
  ["rotateNotificationEndpointSecret", rotateNotificationEndpointSecretAction as never, (w) => ({ projectId: w.projectId, endpointId: NO_ENDPOINT })],
  ["deleteNotificationEndpoint", deleteNotificationEndpointAction as never, (w) => ({ projectId: w.projectId, endpointId: NO_ENDPOINT })],
  ["testNotificationEndpoint", testNotificationEndpointAction as never, (w) => ({ projectId: w.projectId, endpointId: NO_ENDPOINT })],
];

describe.each(cases)("%s", (_name, action, input) => {
  it("answers 'not found' to a user of another team and changes nothing", async () => {
    const before = await tenantSnapshot(victim.teamId);
    const result = await action.run(outsider, input(victim) as never);
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await tenantSnapshot(victim.teamId)).toBe(before);
  });

  it("answers 'forbidden' to a member without the permission and changes nothing", async () => {
    const before = await tenantSnapshot(victim.teamId);
    const result = await action.run(member, input(victim) as never);
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await tenantSnapshot(victim.teamId)).toBe(before);
  });
});

// Reads every member may make: only the other-team refusal applies, and it must reveal nothing.
const reads: Array<[string, ScopedAction<never, unknown>, (w: World) => unknown]> = [
  ["getReview", getReviewAction as never, (w) => ({ reviewId: w.reviewId })],
  ["searchReviews (team)", searchReviewsAction as never, (w) => ({ teamId: w.teamId })],
  ["searchReviews (project)", searchReviewsAction as never, (w) => ({ teamId: w.teamId, project: w.projectId })],
  ["searchReviews (app)", searchReviewsAction as never, (w) => ({ teamId: w.teamId, app: w.appId })],
  ["integrationStatus", integrationStatusAction as never, (w) => ({ projectId: w.projectId })],
];

describe.each(reads)("%s", (_name, action, input) => {
  it("answers 'not found' to a user of another team", async () => {
    const result = await action.run(outsider, input(victim) as never);
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("answers a member of the team", async () => {
    const result = await action.run(member, input(victim) as never);
    expect(result.ok).toBe(true);
  });
});

// Inputs that name a second object (a source project, a filter, a key, a member, an endpoint): the caller may act
// on the first, and the second must be within its reach too — otherwise "not found" and nothing changes.
describe("a second id in the input", () => {
  let projectKey: Caller;
  let secondEndpointId: string;
  const snapshot = async () =>
    JSON.stringify([
      await tenantSnapshot(victim.teamId),
      await tenantSnapshot(outsiderOwner.teamId),
      await db.notificationEndpoint.findMany({ orderBy: { id: "asc" } }),
      await db.apiKey.findMany({ orderBy: { id: "asc" } }),
      await db.notificationProjectMute.count(),
    ]);

  beforeAll(async () => {
    const ownerOfVictim = (await db.teamMember.findFirstOrThrow({ where: { teamId: victim.teamId, role: "owner" } })).userId;
    const secondCtx = await resolveAccess({ kind: "user", userId: ownerOfVictim }, { projectId: victim.secondProjectId }, "integrations:write");
    await saveIntegration(secondCtx, { keyType: "team", issuerId: ISSUER, keyId: "TEAMKEY001", privateKey: TEAM_KEY.privateKeyPem });
    testHosts.set("second.example.com", ["93.184.216.34"]);
    secondEndpointId = (await createEndpoint(secondCtx, { kind: "webhook", name: "Second", url: "https://second.example.com/hook", eventTypes: ["app.review_new"] })).endpoint.id;
    // An agent key of the victim team limited to its first project, with every permission a key can have.
    projectKey = { kind: "apiKey", apiKeyId: victim.agentKeyId, teamId: victim.teamId, projectId: victim.projectId, permissions: [...AGENT_KEY_PERMISSIONS] };
  });

  const cases: Array<[string, () => Caller, ScopedAction<never, unknown>, (w: World) => unknown]> = [
    ["a project key copies the key of a project outside its scope", () => projectKey, copyIntegrationAction as never, (w) => ({ projectId: w.projectId, sourceProjectId: w.secondProjectId })],
    ["a user copies another team's key into their own project", () => outsider, copyIntegrationAction as never, (w) => ({ projectId: outsiderOwner.projectId, sourceProjectId: w.secondProjectId })],
    ["a project key searches with a project filter outside its scope", () => projectKey, searchReviewsAction as never, (w) => ({ teamId: w.teamId, app: w.appId, project: w.secondProjectId })],
    ["a user searches another team's app under their own team id", () => outsider, searchReviewsAction as never, (w) => ({ teamId: outsiderOwner.teamId, app: w.appId })],
    ["a user names their own team with another team's project filter", () => outsider, searchReviewsAction as never, (w) => ({ teamId: outsiderOwner.teamId, project: w.projectId })],
    ["a project key tests an endpoint of another project", () => projectKey, testNotificationEndpointAction as never, (w) => ({ projectId: w.projectId, endpointId: secondEndpointId })],
    ["a project key turns off an endpoint of another project", () => projectKey, updateNotificationEndpointAction as never, (w) => ({ projectId: w.projectId, endpointId: secondEndpointId, enabled: false })],
    ["a project key rotates the secret of another project's endpoint", () => projectKey, rotateNotificationEndpointSecretAction as never, (w) => ({ projectId: w.projectId, endpointId: secondEndpointId })],
    ["a project key deletes an endpoint of another project", () => projectKey, deleteNotificationEndpointAction as never, (w) => ({ projectId: w.projectId, endpointId: secondEndpointId })],
    ["a user creates a key scoped to another team's project", () => outsider, createAgentKeyAction as never, (w) => ({ teamId: outsiderOwner.teamId, name: "Sneaky", projectId: w.projectId, permissions: ["reviews:read"] })],
    ["a user revokes another team's key under their own team id", () => outsider, revokeAgentKeyAction as never, (w) => ({ teamId: outsiderOwner.teamId, keyId: w.agentKeyId })],
    ["a user revokes another team's invite under their own team id", () => outsider, revokeInviteAction as never, (w) => ({ teamId: outsiderOwner.teamId, inviteId: w.inviteId })],
    ["a user changes another team's member's role under their own team id", () => outsider, changeMemberRoleAction as never, (w) => ({ teamId: outsiderOwner.teamId, userId: w.adminUserId, role: "member" })],
    ["a user removes another team's member under their own team id", () => outsider, removeMemberAction as never, (w) => ({ teamId: outsiderOwner.teamId, userId: w.adminUserId })],
  ];

  it.each(cases)("%s: not found, nothing changed", async (_name, caller, action, input) => {
    const before = await snapshot();
    const result = await action.run(caller(), input(victim) as never);
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await snapshot()).toBe(before);
  });

  it("a user mutes notifications of another team's project: not found, nothing changed", async () => {
    const before = await snapshot();
    const result = await setProjectMuteAction.run(outsiderOwner.userId, { projectId: victim.projectId, muted: true });
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await snapshot()).toBe(before);
  });
});

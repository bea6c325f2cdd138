// For every server action (each an operation run by lib/operations/adapters/server-action.ts): a user of another team
// gets "not found", a member without the permission gets "forbidden", and nothing changed either way.
import { beforeAll, describe, expect, it } from "vitest";
import * as agentKeyActions from "./agent-keys";
import * as appActions from "./apps";
import * as googlePlayActions from "./google-play";
import * as integrationActions from "./integrations";
import * as notificationActions from "./notifications";
import * as projectActions from "./projects";
import * as ratingActions from "./ratings";
import * as reviewActions from "./reviews";
import * as teamActions from "./teams";
import { resolveAccess, type Caller } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { savePlayConnection } from "@/lib/data/google-play/connections";
import { saveIntegration } from "@/lib/data/integrations";
import { createEndpoint } from "@/lib/data/notifications/endpoints";
import { AGENT_KEY_PERMISSIONS } from "@/lib/data/agent-keys";
import { addMember, createApp, createOwner, tenantSnapshot } from "@/test/fixtures";
import { testHosts } from "@/test/host-table";
import { generateServiceAccount } from "@/tools/google-sim";
import { ISSUER, TEAM_KEY } from "@/test/reviews-world";
import { actionResult } from "@/lib/operations/adapters/server-action";
import { SELF } from "@/lib/auth/permissions";
import type { Operation } from "@/lib/operations/define-operation";
import { ROUTE_CASES } from "@/test/api/routes";
import * as agentKeyOps from "@/lib/operations/agent-keys";
import * as appOps from "@/lib/operations/apps";
import * as googlePlayOps from "@/lib/operations/google-play";
import * as integrationOps from "@/lib/operations/integrations";
import * as notificationOps from "@/lib/operations/notifications";
import * as projectOps from "@/lib/operations/projects";
import * as ratingOps from "@/lib/operations/ratings";
import * as reviewOps from "@/lib/operations/reviews";
import * as salesOps from "@/lib/operations/sales";
import * as teamOps from "@/lib/operations/teams";

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
  // A Google Play connection to disable or remove: a refused call must leave it as it was.
  await savePlayConnection({ teamId: owner.teamId, projectId: owner.projectId }, { actorUserId: owner.userId, caller: owner.caller }, { serviceAccountKey: PLAY_KEY_FILE });
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

const PLAY_KEY_FILE = generateServiceAccount("reviews@victim-play.iam.gserviceaccount.com").keyFile;
const NO_ENDPOINT = "00000000-0000-4000-8000-000000000001";

// Each entry: the action and a valid input aimed at the victim team's objects.
const cases: Array<[string, Operation, (w: World) => unknown]> = [
  ["createProject", projectOps.createProject, (w) => ({ teamId: w.teamId, name: "Intruder" })],
  ["renameProject", projectOps.renameProject, (w) => ({ projectId: w.projectId, name: "Renamed" })],
  ["deleteProject", projectOps.deleteProject, (w) => ({ projectId: w.projectId })],
  ["createApp", appOps.createApp, (w) => ({ projectId: w.projectId, name: "X", platform: "apple", bundleId: "com.intruder.x" })],
  ["updateApp", appOps.updateApp, (w) => ({ appId: w.appId, name: "X", platform: "apple", bundleId: "com.intruder.y" })],
  ["deleteApp", appOps.deleteApp, (w) => ({ appId: w.appId })],
  ["retryAppStoreLookup", appOps.retryAppStoreLookup, (w) => ({ appId: w.appId })],
  ["changeMemberRole", teamOps.changeMemberRole, (w) => ({ teamId: w.teamId, userId: w.adminUserId, role: "member" })],
  ["removeMember", teamOps.removeMember, (w) => ({ teamId: w.teamId, userId: w.adminUserId })],
  ["updateTeamSettings", teamOps.updateTeamSettings, (w) => ({ teamId: w.teamId, membersMayPublishReplies: true })],
  ["createInvite", teamOps.createInvite, (w) => ({ teamId: w.teamId, role: "member" })],
  ["revokeInvite", teamOps.revokeInvite, (w) => ({ teamId: w.teamId, inviteId: w.inviteId })],
  ["createAgentKey", agentKeyOps.createAgentKey, (w) => ({ teamId: w.teamId, name: "Intruder key", projectId: w.projectId, permissions: ["reviews:write"] })],
  ["revokeAgentKey", agentKeyOps.revokeAgentKey, (w) => ({ teamId: w.teamId, keyId: w.agentKeyId })],
  ["listAgentKeys", agentKeyOps.listAgentKeys, (w) => ({ teamId: w.teamId })],
  ["saveIntegration", integrationOps.saveIntegration, (w) => ({ projectId: w.projectId, keyType: "individual", keyId: "ABCDEFGH12", privateKey: "x" })],
  ["testConnection", integrationOps.testConnection, (w) => ({ projectId: w.projectId })],
  ["copyIntegration", integrationOps.copyIntegration, (w) => ({ projectId: w.projectId, sourceProjectId: w.secondProjectId })],
  ["setIntegrationEnabled", integrationOps.setIntegrationEnabled, (w) => ({ projectId: w.projectId, enabled: false })],
  ["removeIntegration", integrationOps.removeIntegration, (w) => ({ projectId: w.projectId, confirm: "remove" })],
  ["requestReviewsSync", integrationOps.requestReviewsSync, (w) => ({ projectId: w.projectId })],
  ["saveIntegration (vendor number only)", integrationOps.saveIntegration, (w) => ({ projectId: w.projectId, keyType: "team", issuerId: ISSUER, keyId: "TEAMKEY001", vendorNumber: "85012345" })],
  ["requestReportsSync", integrationOps.requestReportsSync, (w) => ({ projectId: w.projectId })],
  ["connectGooglePlay", googlePlayOps.connectGooglePlay, (w) => ({ projectId: w.projectId, serviceAccountKey: PLAY_KEY_FILE, reportsBucket: "pubsite_prod_rev_1" })],
  ["testPlayConnection", googlePlayOps.testPlayConnection, (w) => ({ projectId: w.projectId })],
  ["copyPlayConnection", googlePlayOps.copyPlayConnection, (w) => ({ projectId: w.projectId, sourceProjectId: w.secondProjectId })],
  ["requestPlayReviewsSync", googlePlayOps.requestPlayReviewsSync, (w) => ({ projectId: w.projectId })],
  ["setPlayConnectionEnabled", googlePlayOps.setPlayConnectionEnabled, (w) => ({ projectId: w.projectId, enabled: false })],
  ["removePlayConnection", googlePlayOps.removePlayConnection, (w) => ({ projectId: w.projectId, confirm: "remove" })],
  ["publishReply", reviewOps.publishReply, (w) => ({ reviewId: w.reviewId, body: "Hello" })],
  ["deleteReply", reviewOps.deleteReply, (w) => ({ reviewId: w.reviewId, confirm: "delete" })],
  ["requestRatingsSync", ratingOps.requestRatingsSync, (w) => ({ projectId: w.projectId })],
  // Notification endpoints (lib/actions/notifications.int.test.ts also checks existing endpoints stay untouched).
  ["createNotificationEndpoint", notificationOps.createNotificationEndpoint, (w) => ({ projectId: w.projectId, kind: "webhook", name: "Intruder", url: "https://intruder.example/hook", eventTypes: ["app.review_new"] })],
  ["updateNotificationEndpoint", notificationOps.updateNotificationEndpoint, (w) => ({ projectId: w.projectId, endpointId: NO_ENDPOINT, enabled: false })],
  ["rotateNotificationEndpointSecret", notificationOps.rotateNotificationEndpointSecret, (w) => ({ projectId: w.projectId, endpointId: NO_ENDPOINT })],
  ["deleteNotificationEndpoint", notificationOps.deleteNotificationEndpoint, (w) => ({ projectId: w.projectId, endpointId: NO_ENDPOINT })],
  ["testNotificationEndpoint", notificationOps.testNotificationEndpoint, (w) => ({ projectId: w.projectId, endpointId: NO_ENDPOINT })],
];

describe.each(cases)("%s", (_name, action, input) => {
  it("answers 'not found' to a user of another team and changes nothing", async () => {
    const before = await tenantSnapshot(victim.teamId);
    const result = await actionResult(action, outsider, input(victim) as never);
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await tenantSnapshot(victim.teamId)).toBe(before);
  });

  it("answers 'forbidden' to a member without the permission and changes nothing", async () => {
    const before = await tenantSnapshot(victim.teamId);
    const result = await actionResult(action, member, input(victim) as never);
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await tenantSnapshot(victim.teamId)).toBe(before);
  });
});

// Reads every member may make (through /api/v1 or a page): only the other-team refusal applies, and it must reveal nothing.
const reads: Array<[string, Operation, (w: World) => unknown]> = [
  ["listTeamProjects (page)", projectOps.listTeamProjects, (w) => ({ teamId: w.teamId })],
  ["getProjectOverview (page)", projectOps.getProjectOverview, (w) => ({ projectId: w.projectId })],
  ["getIntegrationSetup (page)", integrationOps.getIntegrationSetup, (w) => ({ projectId: w.projectId })],
  ["getPlaySetup (page)", googlePlayOps.getPlaySetup, (w) => ({ projectId: w.projectId })],
  ["getProjectEndpoints (page)", notificationOps.getProjectEndpoints, (w) => ({ projectId: w.projectId })],
  ["getTeamOverview (page)", teamOps.getTeamOverview, (w) => ({ teamId: w.teamId })],
  ["getAgentKeySetup (page)", agentKeyOps.getAgentKeySetup, (w) => ({ teamId: w.teamId })],
  ["getReview", reviewOps.getReview, (w) => ({ reviewId: w.reviewId })],
  ["searchReviews (team)", reviewOps.searchReviews, (w) => ({ teamId: w.teamId })],
  ["searchReviews (project)", reviewOps.searchReviews, (w) => ({ teamId: w.teamId, project: w.projectId })],
  ["searchReviews (app)", reviewOps.searchReviews, (w) => ({ teamId: w.teamId, app: w.appId })],
  ["integrationStatus", integrationOps.getIntegrationStatus, (w) => ({ projectId: w.projectId })],
  ["getSalesPage (page)", salesOps.getSalesPage, (w) => ({ projectId: w.projectId })],
  ["getProjectSales", salesOps.getProjectSales, (w) => ({ projectId: w.projectId, from: "2026-01-01", to: "2026-01-31" })],
  ["getProjectSales (by country)", salesOps.getProjectSales, (w) => ({ projectId: w.projectId, groupBy: "country" })],
  ["getAppSales", salesOps.getAppSales, (w) => ({ appId: w.appId })],
  ["getProjectSalesByApp", salesOps.getProjectSalesByApp, (w) => ({ projectId: w.projectId })],
  ["getProjectSalesSummary", salesOps.getProjectSalesSummary, (w) => ({ projectId: w.projectId })],
  ["getReportsStatus", integrationOps.getReportsStatus, (w) => ({ projectId: w.projectId })],
];

describe.each(reads)("%s", (_name, action, input) => {
  it("answers 'not found' to a user of another team", async () => {
    const result = await actionResult(action, outsider, input(victim) as never);
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("answers a member of the team", async () => {
    const result = await actionResult(action, member, input(victim) as never);
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
    await saveIntegration(secondCtx, { keyType: "team", issuerId: ISSUER, keyId: "TEAMKEY001", privateKeyPem: TEAM_KEY.privateKeyPem });
    await savePlayConnection({ teamId: victim.teamId, projectId: victim.secondProjectId }, { actorUserId: ownerOfVictim, caller: { kind: "user", userId: ownerOfVictim } }, { serviceAccountKey: PLAY_KEY_FILE });
    testHosts.set("second.example.com", ["93.184.216.34"]);
    secondEndpointId = (await createEndpoint(secondCtx, { kind: "webhook", name: "Second", url: "https://second.example.com/hook", eventTypes: ["app.review_new"] })).endpoint.id;
    // An agent key of the victim team limited to its first project, with every permission a key can have.
    projectKey = { kind: "apiKey", apiKeyId: victim.agentKeyId, teamId: victim.teamId, projectId: victim.projectId, permissions: [...AGENT_KEY_PERMISSIONS] };
  });

  const cases: Array<[string, () => Caller, Operation, (w: World) => unknown]> = [
    ["a project key copies the key of a project outside its scope", () => projectKey, integrationOps.copyIntegration, (w) => ({ projectId: w.projectId, sourceProjectId: w.secondProjectId })],
    ["a user copies another team's key into their own project", () => outsider, integrationOps.copyIntegration, (w) => ({ projectId: outsiderOwner.projectId, sourceProjectId: w.secondProjectId })],
    ["a project key copies the Google Play key of a project outside its scope", () => projectKey, googlePlayOps.copyPlayConnection, (w) => ({ projectId: w.projectId, sourceProjectId: w.secondProjectId })],
    ["a user copies another team's Google Play key into their own project", () => outsider, googlePlayOps.copyPlayConnection, (w) => ({ projectId: outsiderOwner.projectId, sourceProjectId: w.secondProjectId })],
    ["a project key searches with a project filter outside its scope", () => projectKey, reviewOps.searchReviews, (w) => ({ teamId: w.teamId, app: w.appId, project: w.secondProjectId })],
    ["a user searches another team's app under their own team id", () => outsider, reviewOps.searchReviews, (w) => ({ teamId: outsiderOwner.teamId, app: w.appId })],
    ["a user names their own team with another team's project filter", () => outsider, reviewOps.searchReviews, (w) => ({ teamId: outsiderOwner.teamId, project: w.projectId })],
    ["a project key tests an endpoint of another project", () => projectKey, notificationOps.testNotificationEndpoint, (w) => ({ projectId: w.projectId, endpointId: secondEndpointId })],
    ["a project key turns off an endpoint of another project", () => projectKey, notificationOps.updateNotificationEndpoint, (w) => ({ projectId: w.projectId, endpointId: secondEndpointId, enabled: false })],
    ["a project key rotates the secret of another project's endpoint", () => projectKey, notificationOps.rotateNotificationEndpointSecret, (w) => ({ projectId: w.projectId, endpointId: secondEndpointId })],
    ["a project key deletes an endpoint of another project", () => projectKey, notificationOps.deleteNotificationEndpoint, (w) => ({ projectId: w.projectId, endpointId: secondEndpointId })],
    ["a user creates a key scoped to another team's project", () => outsider, agentKeyOps.createAgentKey, (w) => ({ teamId: outsiderOwner.teamId, name: "Sneaky", projectId: w.projectId, permissions: ["reviews:read"] })],
    ["a user revokes another team's key under their own team id", () => outsider, agentKeyOps.revokeAgentKey, (w) => ({ teamId: outsiderOwner.teamId, keyId: w.agentKeyId })],
    ["a user revokes another team's invite under their own team id", () => outsider, teamOps.revokeInvite, (w) => ({ teamId: outsiderOwner.teamId, inviteId: w.inviteId })],
    ["a user changes another team's member's role under their own team id", () => outsider, teamOps.changeMemberRole, (w) => ({ teamId: outsiderOwner.teamId, userId: w.adminUserId, role: "member" })],
    ["a user removes another team's member under their own team id", () => outsider, teamOps.removeMember, (w) => ({ teamId: outsiderOwner.teamId, userId: w.adminUserId })],
  ];

  it.each(cases)("%s: not found, nothing changed", async (_name, caller, action, input) => {
    const before = await snapshot();
    const result = await actionResult(action, caller(), input(victim) as never);
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await snapshot()).toBe(before);
  });

  it("a user mutes notifications of another team's project: not found, nothing changed", async () => {
    const before = await snapshot();
    const result = await actionResult(notificationOps.setProjectMute, outsiderOwner.caller, { projectId: victim.projectId, muted: true });
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await snapshot()).toBe(before);
  });
});

// The matrices above cover every server action: a new action that is in none of them fails here.
describe("every server action", () => {
  const modules = { agentKeyActions, appActions, googlePlayActions, integrationActions, notificationActions, projectActions, ratingActions, reviewActions, teamActions };
  // Session-only wrappers around covered actions (they also select the current team) and the team switcher cookie.
  const wrappers = new Set(["createTeam", "acceptInvite", "switchTeam"]);
  const actions = Object.values(modules).flatMap((m) => Object.entries(m as Record<string, unknown>));
  const operationOf = (fn: unknown) => (fn as { operation?: Operation }).operation;

  it("is in the authorization matrix, or is the signed-in person's own (self)", () => {
    const covered = new Set<Operation>([...cases, ...reads].map(([, op]) => op));
    const uncovered = actions.filter(([name, fn]) => {
      const op = operationOf(fn);
      if (!op) return !wrappers.has(name);
      return op.permission !== SELF && !covered.has(op);
    });
    expect(uncovered.map(([name]) => name)).toEqual([]);
  });

  // Next runs a client's server actions one at a time: a read through one (a poll) would hold up the next change.
  it("is a change: nothing /api/v1 serves over GET is also a server action", () => {
    const gets = ROUTE_CASES.filter((r) => r.endpoint.method === "GET").map((r) => operationOf(r.handler));
    expect(gets.length).toBeGreaterThan(0);
    expect(gets.every((op) => op !== undefined)).toBe(true);
    const reads = new Set(gets);
    expect(actions.filter(([, fn]) => reads.has(operationOf(fn))).map(([name]) => name)).toEqual([]);
  });

  it("of the person's own refuses an agent key and changes nothing", async () => {
    const key: Caller = { kind: "apiKey", apiKeyId: victim.agentKeyId, teamId: victim.teamId, projectId: null, permissions: [...AGENT_KEY_PERMISSIONS] };
    const own = [...new Set(actions.map(([, fn]) => operationOf(fn)).filter((op): op is Operation => op?.permission === SELF))];
    expect(own.length).toBeGreaterThan(0);
    for (const op of own) {
      const before = await tenantSnapshot(victim.teamId);
      const result = await actionResult(op, key, {});
      expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect(await tenantSnapshot(victim.teamId)).toBe(before);
    }
  });
});

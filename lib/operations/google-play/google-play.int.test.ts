// The operations the Google Play surfaces call — connect, test, reply, copy — against the Google simulator over HTTP
// and the real database; and the key never leaving the server.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunningGoogleSim } from "@/tools/google-sim";
import { getPlayConnection, listPlayCopySources, removePlayConnection, savePlayConnection, setPlayConnectionEnabled } from "@/lib/data/google-play/connections";
import { db } from "@/lib/db";
import { settleBackgroundWork } from "@/lib/jobs/dispatch";
import { syncJobOf } from "@/lib/jobs/registry";
import { inlineSteps } from "@/lib/sync/steps";
import { syncPlayReviews } from "@/lib/sync/google-play/sync-reviews";
import { addMember, createOwner } from "@/test/fixtures";
import { createPlayWorld, NOTES, PLAY_ACCOUNT, playScenario, simConfig, startPlaySim, WEATHER, type PlayWorld } from "@/test/google-play-world";
import { googleSimConfig, useConfig } from "@/test/config";
import { actionResult } from "@/lib/operations/adapters/server-action";
import { deleteReply, publishReply } from "@/lib/operations/reviews";
import { applyPlayConnection } from "./connect-google-play";
import { copyPlayConnection, copyPlayConnectionFrom } from "./copy-play-connection";
import { getPlaySetup } from "./get-play-setup";
import { removePlayConnection as removePlayConnectionOp } from "./remove-play-connection";
import { requestPlayReviewsSync } from "./request-play-reviews-sync";
import { setPlayConnectionEnabled as setPlayConnectionEnabledOp } from "./set-play-connection-enabled";
import { publishPlayReply } from "./publish-play-reply";
import { runPlayConnectionTest } from "./test-play-connection";

let google: RunningGoogleSim;
let w: PlayWorld;
/** The base64 body of the key's PEM: what must never leave the server. */
const secretLines = () => JSON.parse(PLAY_ACCOUNT.keyFile).private_key.split("\n").filter((l: string) => l && !l.startsWith("-----"));

beforeAll(async () => {
  google = await startPlaySim(
    playScenario({
      apps: [
        { packageName: WEATHER, reviews: [{ id: "gp:r1", author: "Ana", rating: 2, text: "Crashes", modified: "-1h" }] },
        { packageName: NOTES, reviews: [{ id: "gp:n1", rating: 5, text: "Great", modified: "-2h" }] },
      ],
      ratings: { [WEATHER]: { countries: { us: 4.2 }, days: 5 } },
    }),
  );
});
// Runs started in the background (connect, copy) and the job registry read the configured endpoints.
useConfig(() => googleSimConfig(google));
afterAll(async () => {
  await settleBackgroundWork();
  await google.stop();
});
beforeEach(async () => {
  google.sim.reset();
  w = await createPlayWorld();
});

const target = () => ({ teamId: w.teamId, projectId: w.projectId });
const config = () => simConfig(google);
const account = () => google.sim.scenario.accounts[0].clientEmail;

describe("saving a connection", () => {
  it("validates the key (a message, never the key), stores it sealed, answers only what may be shown", async () => {
    const fresh = await createPlayWorld({ connect: false });
    const t = { teamId: fresh.teamId, projectId: fresh.projectId };
    await expect(savePlayConnection(t, fresh.actor, { serviceAccountKey: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----" })).rejects.toMatchObject({ code: "validation_failed", fieldErrors: { serviceAccountKey: expect.stringContaining("PEM key") } });
    await expect(savePlayConnection(t, fresh.actor, { serviceAccountKey: PLAY_ACCOUNT.keyFile, reportsBucket: "gs://Not A Bucket" })).rejects.toMatchObject({ fieldErrors: { reportsBucket: expect.stringContaining("pubsite_prod_rev_") } });
    await expect(savePlayConnection(t, fresh.actor, {})).rejects.toMatchObject({ fieldErrors: { serviceAccountKey: expect.any(String) } });
    expect(await db.googlePlayConnection.count({ where: { projectId: fresh.projectId } })).toBe(0);
    const { connection } = await savePlayConnection(t, fresh.actor, { serviceAccountKey: PLAY_ACCOUNT.keyFile, reportsBucket: "gs://pubsite_prod_rev_01234567890987654321/reviews" });
    expect(Object.keys(connection).sort()).toEqual(["addedAt", "clientEmail", "cloudProjectId", "enabled", "id", "lastSync", "lastTest", "privateKeyId", "projectId", "reportsBucket", "updatedAt"]);
    expect(connection).toMatchObject({ clientEmail: PLAY_ACCOUNT.clientEmail, privateKeyId: PLAY_ACCOUNT.privateKeyId, reportsBucket: "pubsite_prod_rev_01234567890987654321" });
    const row = await db.googlePlayConnection.findFirstOrThrow({ where: { projectId: fresh.projectId } });
    for (const line of secretLines()) expect(row.serviceAccountKeyCiphertext).not.toContain(line);
    // Bound to its project: the ciphertext moved to another project's row cannot be opened.
    await db.googlePlayConnection.update({ where: { projectId: w.projectId }, data: { serviceAccountKeyCiphertext: row.serviceAccountKeyCiphertext } });
    await expect(syncPlayReviews({ projectId: w.projectId, trigger: "manual", steps: inlineSteps, google: config() })).rejects.toThrow(/cannot be decrypted/);
    expect(await db.auditLog.findFirst({ where: { projectId: fresh.projectId, action: "google_play.connection_created" } })).not.toBeNull();
  });

  it("connecting starts the backfill, the ratings import and a first reviews sync (in-process without Inngest)", async () => {
    const fresh = await createPlayWorld({ connect: false });
    const t = { teamId: fresh.teamId, projectId: fresh.projectId };
    const { runs } = await applyPlayConnection({ target: t, actor: fresh.actor, connection: { serviceAccountKey: PLAY_ACCOUNT.keyFile, reportsBucket: "pubsite_prod_rev_01234567890987654321" }, trigger: "manual" });
    expect(runs.map((r) => r.kind).sort()).toEqual(["google_play_ratings_sync", "google_play_reviews_backfill", "google_play_reviews_sync"]);
    await settleBackgroundWork();
    const done = await db.syncRun.findMany({ where: { projectId: fresh.projectId } });
    expect(done.map((r) => [r.kind, r.status]).sort()).toEqual([
      ["google_play_ratings_sync", "succeeded"],
      ["google_play_reviews_backfill", "succeeded"],
      ["google_play_reviews_sync", "succeeded"],
    ]);
    expect(await db.appStoreReview.count({ where: { projectId: fresh.projectId, store: "google_play" } })).toBe(2);
    expect((await db.app.findUniqueOrThrow({ where: { id: fresh.weatherId } })).worldwideAverageRating).not.toBeNull();
    // Saving again without a new key or bucket starts nothing.
    expect((await applyPlayConnection({ target: t, actor: fresh.actor, connection: {}, trigger: "manual" })).runs).toEqual([]);
  });

  it("npm run job's registry runs the Play jobs for one project", async () => {
    const result = await (await syncJobOf("google_play_reviews_sync").handler())({ projectId: w.projectId, trigger: "cli", steps: inlineSteps });
    expect(result).toMatchObject({ status: "succeeded", counters: { inserted: 2 } });
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: result.runId! } })).toMatchObject({ trigger: "cli", kind: "google_play_reviews_sync" });
    expect((await (await syncJobOf("google_play_ratings_sync").handler())({ projectId: w.projectId, trigger: "cli", steps: inlineSteps })).status).toBe("succeeded");
  });
});

describe("test connection", () => {
  it("gets a token, lists reviews of each Android app and the bucket", async () => {
    const result = await runPlayConnectionTest(target(), config());
    expect(result).toMatchObject({
      ok: true,
      error: null,
      token: { ok: true, error: null },
      apps: [
        { appId: w.weatherId, packageName: WEATHER, ok: true, recentReviews: 1 },
        { appId: w.notesId, packageName: NOTES, ok: true, recentReviews: 1 },
      ],
      bucket: { bucket: "pubsite_prod_rev_01234567890987654321", ok: true, reviewFiles: expect.any(Number), ratingsFiles: expect.any(Number) },
    });
    expect((await getPlayConnection(target()))?.lastTest).toMatchObject({ ok: true });
  });

  it("reports each failure with Google's error and a hint: not invited for one app, bucket not readable", async () => {
    google.sim.updateAccount(account(), { packages: [NOTES], bucketAccess: false });
    const result = await runPlayConnectionTest(target(), config());
    expect(result.ok).toBe(false);
    expect(result.apps[0]).toMatchObject({ ok: false, error: { service: "Google Play Developer API", status: 403, code: "PERMISSION_DENIED", detail: "The caller does not have permission", hint: expect.stringContaining("Users and permissions") } });
    expect(result.apps[1]).toMatchObject({ ok: true });
    expect(result.bucket).toMatchObject({ ok: false, error: { service: "Cloud Storage", status: 403, code: "forbidden", hint: expect.stringContaining("download bulk reports") } });
    expect(result.error).toEqual(result.apps[0].error);
  });

  it("API not enabled, and a refused key (then nothing else is tried)", async () => {
    google.sim.updateAccount(account(), { apiEnabled: false });
    const disabled = await runPlayConnectionTest(target(), config());
    expect(disabled.apps[0]).toMatchObject({ ok: false, error: { code: "SERVICE_DISABLED", hint: expect.stringContaining("Enable the Google Play Android Developer API") } });
    google.sim.reset();
    google.sim.addFault({ endpoint: "token", kind: "invalid_grant_signature" });
    const refused = await runPlayConnectionTest(target(), config());
    expect(refused).toMatchObject({ ok: false, token: { ok: false, error: { service: "Google OAuth", status: 400, code: "invalid_grant", detail: "Invalid JWT Signature." } }, apps: [{ ok: false, error: null }, { ok: false, error: null }], bucket: { ok: false, error: null } });
    expect(google.sim.counters.byEndpoint["play.list"]).toBeUndefined();
  });
});

describe("replies", () => {
  const reviewId = async () => (await db.appStoreReview.findFirstOrThrow({ where: { projectId: w.projectId, externalId: "gp:r1" } })).id;
  const sync = () => syncPlayReviews({ projectId: w.projectId, trigger: "manual", steps: inlineSteps, google: config() });

  it("publishes a reply as Google kept it, replaces it on a second reply, and audits both", async () => {
    await sync();
    const id = await reviewId();
    const first = await publishPlayReply({ teamId: w.teamId, reviewId: id, text: "Sorry! <b>Fixed</b> in 4.3.", actor: w.actor }, config());
    expect(first).toMatchObject({ reviewId: id, replaced: false, reply: { text: "Sorry! Fixed in 4.3." } });
    expect(await db.appStoreReview.findUniqueOrThrow({ where: { id } })).toMatchObject({ developerResponse: "Sorry! Fixed in 4.3.", developerResponseState: "PUBLISHED", respondedByUserId: w.ownerId });
    const second = await publishPlayReply({ teamId: w.teamId, reviewId: id, text: "Update: 4.3.1 is out.", actor: w.actor }, config());
    expect(second.replaced).toBe(true);
    expect(google.sim.findReview(WEATHER, "gp:r1")?.reply?.text).toBe("Update: 4.3.1 is out.");
    const audit = await db.auditLog.findMany({ where: { teamId: w.teamId, targetId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, (a.metadata as { store: string }).store])).toEqual([
      ["review.reply_created", "google_play"],
      ["review.reply_updated", "google_play"],
    ]);
    // The next sync sees the same reply and keeps who wrote it.
    await sync();
    expect(await db.appStoreReview.findUniqueOrThrow({ where: { id } })).toMatchObject({ developerResponse: "Update: 4.3.1 is out.", respondedByUserId: w.ownerId });
  });

  it("a failed reply changes nothing stored and says what Google answered", async () => {
    await sync();
    const id = await reviewId();
    await publishPlayReply({ teamId: w.teamId, reviewId: id, text: "First", actor: w.actor }, config());
    const before = await db.appStoreReview.findUniqueOrThrow({ where: { id } });
    google.sim.updateAccount(account(), { canReply: false });
    const error = await publishPlayReply({ teamId: w.teamId, reviewId: id, text: "Second", actor: w.actor }, config()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "upstream_error", upstream: { service: "Google Play Developer API", status: 403, hint: expect.stringContaining("Reply to reviews") } });
    expect(await db.appStoreReview.findUniqueOrThrow({ where: { id } })).toEqual(before);
    google.sim.updateAccount(account(), { canReply: true });
    google.sim.addFault({ endpoint: "play.reply", kind: "503" });
    await expect(publishPlayReply({ teamId: w.teamId, reviewId: id, text: "Third", actor: w.actor }, config())).rejects.toMatchObject({ code: "upstream_error" });
    expect(await db.appStoreReview.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await db.auditLog.count({ where: { targetId: id } })).toBe(1);
  });

  it("the reviews dialog's reply action sends a Play review's reply to Google, and refuses to delete one", async () => {
    await sync();
    const id = await reviewId();
    const published = await actionResult(publishReply, w.caller, { reviewId: id, body: "Thanks, fixed in 4.3." });
    expect(published).toMatchObject({ ok: true, data: { store: "google_play", reply: { body: "Thanks, fixed in 4.3." } } });
    expect(google.sim.findReview(WEATHER, "gp:r1")?.reply?.text).toBe("Thanks, fixed in 4.3.");
    const repliesSent = google.sim.counters.byEndpoint["play.reply"];
    // The store's limit, not the App Store's: refused before Google is asked, the draft stays with the caller.
    const tooLong = await actionResult(publishReply, w.caller, { reviewId: id, body: "x".repeat(351) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: "validation_failed", fieldErrors: { body: expect.stringContaining("350") } } });
    const deleted = await actionResult(deleteReply, w.caller, { reviewId: id, confirm: "delete" });
    expect(deleted).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringContaining("reply again to replace it") } });
    expect(await db.appStoreReview.findUniqueOrThrow({ where: { id } })).toMatchObject({ developerResponse: "Thanks, fixed in 4.3." });
    // Neither refusal reached Google.
    expect(google.sim.counters.byEndpoint["play.reply"]).toBe(repliesSent);
  });

  it("refuses before sending: over 350 characters, empty, NUL, an App Store review, another team's review", async () => {
    await sync();
    const id = await reviewId();
    await expect(publishPlayReply({ teamId: w.teamId, reviewId: id, text: "x".repeat(351), actor: w.actor }, config())).rejects.toMatchObject({ code: "validation_failed", fieldErrors: { body: expect.stringContaining("350") } });
    await expect(publishPlayReply({ teamId: w.teamId, reviewId: id, text: "  ", actor: w.actor }, config())).rejects.toMatchObject({ code: "validation_failed" });
    await expect(publishPlayReply({ teamId: w.teamId, reviewId: id, text: "a\u0000b", actor: w.actor }, config())).rejects.toMatchObject({ code: "validation_failed" });
    const other = await createOwner("other");
    await expect(publishPlayReply({ teamId: other.teamId, reviewId: id, text: "Hi", actor: { actorUserId: other.userId, caller: other.caller } }, config())).rejects.toMatchObject({ code: "not_found" });
    await db.appStoreReview.update({ where: { id }, data: { store: "app_store" } });
    await expect(publishPlayReply({ teamId: w.teamId, reviewId: id, text: "Hi", actor: w.actor }, config())).rejects.toMatchObject({ code: "conflict" });
    expect(google.sim.counters.byEndpoint["play.reply"]).toBeUndefined();
  });
});

describe("copy, disable, remove", () => {
  it("copies another project's connection in the same team, tests it and starts its runs; never across teams", async () => {
    const second = await db.project.create({ data: { teamId: w.teamId, name: "Second" } });
    const t = { teamId: w.teamId, projectId: second.id };
    expect((await listPlayCopySources(t)).map((s) => s.projectId)).toEqual([w.projectId]);
    const copied = await copyPlayConnectionFrom({ target: t, actor: w.actor, sourceProjectId: w.projectId, trigger: "manual" }, config());
    expect(copied).toMatchObject({ connection: { clientEmail: PLAY_ACCOUNT.clientEmail, reportsBucket: "pubsite_prod_rev_01234567890987654321" }, test: { ok: true } });
    expect(await db.auditLog.findFirst({ where: { projectId: second.id, action: "google_play.connection_copied" } })).not.toBeNull();
    await settleBackgroundWork();
    const other = await createOwner("other");
    await expect(copyPlayConnectionFrom({ target: { teamId: other.teamId, projectId: other.projectId }, actor: { actorUserId: other.userId, caller: other.caller }, sourceProjectId: w.projectId, trigger: "manual" }, config())).rejects.toMatchObject({ code: "not_found" });
    expect(await db.googlePlayConnection.count({ where: { projectId: other.projectId } })).toBe(0);
  });

  it("disable stops syncs; remove deletes; each change is audited", async () => {
    await setPlayConnectionEnabled(target(), w.actor, false);
    expect(await syncPlayReviews({ projectId: w.projectId, trigger: "manual", steps: inlineSteps, google: config() })).toMatchObject({ status: "failed" });
    await removePlayConnection(target(), w.actor);
    expect(await getPlayConnection(target())).toBeNull();
    const actions = (await db.auditLog.findMany({ where: { projectId: w.projectId, action: { startsWith: "google_play." } }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["google_play.connection_created", "google_play.connection_disabled", "google_play.connection_removed"]);
  });
});

describe("the integrations page's copy, disable and remove", () => {
  it("copy lists the team's other connections to the one who may change them, copies, tests and starts the imports", async () => {
    const second = await db.project.create({ data: { teamId: w.teamId, name: "Second" } });
    const setup = await actionResult(getPlaySetup, w.caller, { projectId: second.id });
    expect(setup).toMatchObject({ ok: true, data: { connection: null, canWrite: true, sources: [{ projectId: w.projectId, clientEmail: PLAY_ACCOUNT.clientEmail }] } });
    const copied = await actionResult(copyPlayConnection, w.caller, { projectId: second.id, sourceProjectId: w.projectId });
    expect(copied).toMatchObject({ ok: true, data: { connection: { clientEmail: PLAY_ACCOUNT.clientEmail }, test: { ok: true } } });
    await settleBackgroundWork();
    expect(await db.syncRun.count({ where: { projectId: second.id, status: "succeeded" } })).toBe(3);
    // A member sees the connection but no copy sources.
    const member = await addMember(w.teamId, "member");
    expect(await actionResult(getPlaySetup, member.caller, { projectId: second.id })).toMatchObject({ ok: true, data: { canWrite: false, sources: [] } });
  });

  it("disable refuses syncs and replies until enabled again; remove needs the typed confirmation; each is audited", async () => {
    const disabled = await actionResult(setPlayConnectionEnabledOp, w.caller, { projectId: w.projectId, enabled: false });
    expect(disabled).toMatchObject({ ok: true, data: { enabled: false } });
    expect(await actionResult(requestPlayReviewsSync, w.caller, { projectId: w.projectId })).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringContaining("Enable the Google Play connection") } });
    expect(await actionResult(setPlayConnectionEnabledOp, w.caller, { projectId: w.projectId, enabled: true })).toMatchObject({ ok: true, data: { enabled: true } });
    const unconfirmed = await actionResult(removePlayConnectionOp, w.caller, { projectId: w.projectId, confirm: "yes" } as never);
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: "validation_failed", fieldErrors: { confirm: 'Type "remove" to confirm.' } } });
    expect(await getPlayConnection(target())).not.toBeNull();
    expect(await actionResult(removePlayConnectionOp, w.caller, { projectId: w.projectId, confirm: "remove" })).toMatchObject({ ok: true, data: { removed: true } });
    expect(await getPlayConnection(target())).toBeNull();
    expect(await actionResult(setPlayConnectionEnabledOp, w.caller, { projectId: w.projectId, enabled: true })).toMatchObject({ ok: false, error: { code: "not_found" } });
    const audit = await db.auditLog.findMany({ where: { projectId: w.projectId, action: { startsWith: "google_play." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([
      ["google_play.connection_created", w.ownerId],
      ["google_play.connection_disabled", w.ownerId],
      ["google_play.connection_enabled", w.ownerId],
      ["google_play.connection_removed", w.ownerId],
    ]);
  });
});

describe("the service-account key never leaves the server", () => {
  it("appears in no returned value, stored result, audit entry, run record, error or log line", async () => {
    const logged: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "))),
    );
    try {
      const returned: unknown[] = [];
      const capture = async (p: Promise<unknown>) => returned.push(await p.catch((e: unknown) => ({ error: String(e), ...(e as object) })));
      const fresh = await createPlayWorld({ connect: false });
      const t = { teamId: fresh.teamId, projectId: fresh.projectId };
      await capture(savePlayConnection(t, fresh.actor, { serviceAccountKey: PLAY_ACCOUNT.keyFile.replace("PRIVATE KEY-----\\n", "PRIVATE KEY-----\\nbroken") }));
      await capture(applyPlayConnection({ target: t, actor: fresh.actor, connection: { serviceAccountKey: PLAY_ACCOUNT.keyFile, reportsBucket: "pubsite_prod_rev_01234567890987654321" }, trigger: "manual" }));
      await settleBackgroundWork();
      await capture(runPlayConnectionTest(t, config()));
      google.sim.addFault({ endpoint: "token", kind: "invalid_grant_signature" });
      await capture(runPlayConnectionTest(t, config()));
      await capture(syncPlayReviews({ projectId: fresh.projectId, trigger: "manual", steps: inlineSteps, google: config() }));
      google.sim.clearFaults();
      google.sim.updateAccount(account(), { canReply: false });
      const review = await db.appStoreReview.findFirstOrThrow({ where: { projectId: fresh.projectId } });
      await capture(publishPlayReply({ teamId: fresh.teamId, reviewId: review.id, text: "Hi", actor: fresh.actor }, config()));
      const second = await db.project.create({ data: { teamId: fresh.teamId, name: "Copy" } });
      await capture(copyPlayConnectionFrom({ target: { teamId: fresh.teamId, projectId: second.id }, actor: fresh.actor, sourceProjectId: fresh.projectId, trigger: "manual" }, config()));
      await settleBackgroundWork();
      await capture(getPlayConnection(t));
      await capture(listPlayCopySources(t));
      const everything = JSON.stringify({
        returned,
        audit: await db.auditLog.findMany({ where: { teamId: fresh.teamId } }),
        runs: await db.syncRun.findMany({ where: { teamId: fresh.teamId } }),
        connections: await db.googlePlayConnection.findMany({ where: { teamId: fresh.teamId }, select: { lastTestResult: true, lastSyncError: true, clientEmail: true } }),
        notifications: await db.notification.findMany({ where: { teamId: fresh.teamId } }),
        logged,
      });
      for (const line of secretLines()) expect(everything).not.toContain(line);
      expect(everything).not.toMatch(/PRIVATE KEY-----(\\n|\s)*[A-Za-z0-9+/]{16}/);
      // The calls really did their work (a refusal everywhere would make this test hollow).
      expect(returned).toHaveLength(9);
      expect((returned[2] as { ok: boolean }).ok).toBe(true);
      expect(await db.syncRun.count({ where: { teamId: fresh.teamId, status: "succeeded" } })).toBeGreaterThanOrEqual(3);
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });
});

import "server-only";
// A project's Google Play connection: save (the key validated, then sealed), enable/disable, remove, copy sources.
// Functions take a project the caller has already been given access to, and an actor for the audit log.
import type { AccessContext, ProjectAccess } from "@/lib/auth/access";
import { db, Prisma } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { bucketFromUri } from "@/lib/google/reports/object-names";
import { validateServiceAccountKey, type ServiceAccountKey } from "@/lib/google/service-account";
import { writeAudit } from "../audit";
import { sealServiceAccountKey } from "./credentials";
import { playConnectionViewSelect, toPlayConnectionView, type PlayConnectionView } from "./view";

/** A project-scoped access (or, in jobs, the project a run belongs to). */
export type PlayTarget = Pick<ProjectAccess, "teamId" | "projectId">;

/** Who acts, for the audit log (a user, or an agent key). */
export type PlayActor = Pick<AccessContext, "actorUserId" | "caller">;

export interface PlayConnectionInput {
  /** The JSON key file's text; optional on update (the stored key is kept). */
  serviceAccountKey?: string | null;
  /** The reports bucket id or the gs:// URI copied from Play Console; "" clears it; undefined keeps it. */
  reportsBucket?: string | null;
  /** A key already validated and decrypted (copying from another project). */
  parsedKey?: ServiceAccountKey;
}

export const PLAY_KEY_MISSING_MESSAGE = "Upload the service account's JSON key file.";
export const PLAY_BUCKET_MESSAGE = "Paste the bucket id or its gs:// URI from Play Console (Download reports → Copy Cloud Storage URI), e.g. pubsite_prod_rev_01234567890987654321.";

export async function getPlayConnection(target: PlayTarget): Promise<PlayConnectionView | null> {
  const row = await db.googlePlayConnection.findFirst({ where: { projectId: target.projectId, teamId: target.teamId }, select: playConnectionViewSelect });
  return row ? toPlayConnectionView(row) : null;
}

function checkedBucket(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === "") return null;
  const bucket = bucketFromUri(value);
  if (!bucket) throw new ValidationError(PLAY_BUCKET_MESSAGE, { reportsBucket: PLAY_BUCKET_MESSAGE });
  return bucket;
}

/**
 * Creates or updates the project's connection. The key is validated (never echoed), then stored sealed; a new key or
 * bucket clears the last test result, which described the old ones. `created` tells whether this connected the project.
 */
export async function savePlayConnection(target: PlayTarget, actor: PlayActor, input: PlayConnectionInput): Promise<{ connection: PlayConnectionView; created: boolean; keyReplaced: boolean; bucketChanged: boolean }> {
  let key: ServiceAccountKey | null = input.parsedKey ?? null;
  if (!key && input.serviceAccountKey?.trim()) {
    const check = validateServiceAccountKey(input.serviceAccountKey);
    if (!check.ok) throw new ValidationError(check.error, { serviceAccountKey: check.error });
    key = check.key;
  }
  const bucket = checkedBucket(input.reportsBucket);
  const existing = await db.googlePlayConnection.findFirst({ where: { projectId: target.projectId, teamId: target.teamId }, select: { id: true, reportsBucket: true } });
  if (!existing && !key) throw new ValidationError(PLAY_KEY_MISSING_MESSAGE, { serviceAccountKey: PLAY_KEY_MISSING_MESSAGE });
  const keyData = key
    ? { clientEmail: key.client_email, privateKeyId: key.private_key_id ?? null, cloudProjectId: key.project_id ?? null, serviceAccountKeyCiphertext: sealServiceAccountKey(target.projectId, key) }
    : {};
  const bucketChanged = bucket !== undefined && bucket !== (existing?.reportsBucket ?? null);
  const row = existing
    ? await db.googlePlayConnection.update({
        where: { id: existing.id },
        data: { ...keyData, ...(bucket !== undefined ? { reportsBucket: bucket } : {}), ...(key || bucketChanged ? { lastTestedAt: null, lastTestOk: null, lastTestResult: Prisma.DbNull } : {}) },
        select: playConnectionViewSelect,
      })
    : await db.googlePlayConnection.create({
        data: { ...(keyData as Required<typeof keyData>), teamId: target.teamId, projectId: target.projectId, reportsBucket: bucket ?? null, createdByUserId: actor.actorUserId },
        select: playConnectionViewSelect,
      });
  await writeAudit(
    { ...target, ...actor },
    {
      action: existing ? "google_play.connection_updated" : "google_play.connection_created",
      targetType: "google_play_connection",
      targetId: row.id,
      metadata: { clientEmail: row.clientEmail, privateKeyId: row.privateKeyId, keyReplaced: Boolean(key), reportsBucket: row.reportsBucket },
    },
  );
  return { connection: toPlayConnectionView(row), created: !existing, keyReplaced: Boolean(key), bucketChanged };
}

export async function setPlayConnectionEnabled(target: PlayTarget, actor: PlayActor, enabled: boolean): Promise<PlayConnectionView> {
  const existing = await db.googlePlayConnection.findFirst({ where: { projectId: target.projectId, teamId: target.teamId }, select: { id: true } });
  if (!existing) throw new NotFoundError("Google Play connection");
  const row = await db.googlePlayConnection.update({ where: { id: existing.id }, data: { enabled }, select: playConnectionViewSelect });
  await writeAudit({ ...target, ...actor }, { action: enabled ? "google_play.connection_enabled" : "google_play.connection_disabled", targetType: "google_play_connection", targetId: row.id });
  return toPlayConnectionView(row);
}

export async function removePlayConnection(target: PlayTarget, actor: PlayActor): Promise<{ removed: true }> {
  const existing = await db.googlePlayConnection.findFirst({ where: { projectId: target.projectId, teamId: target.teamId }, select: { id: true, clientEmail: true } });
  if (!existing) throw new NotFoundError("Google Play connection");
  await db.googlePlayConnection.delete({ where: { id: existing.id } });
  await writeAudit({ ...target, ...actor }, { action: "google_play.connection_removed", targetType: "google_play_connection", targetId: existing.id, metadata: { clientEmail: existing.clientEmail } });
  return { removed: true };
}

/** Other projects of the team with a Google Play connection (the "Copy from" choices). */
export async function listPlayCopySources(target: PlayTarget) {
  const rows = await db.googlePlayConnection.findMany({
    where: { teamId: target.teamId, projectId: { not: target.projectId } },
    select: { projectId: true, clientEmail: true, reportsBucket: true, project: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ projectId: r.projectId, projectName: r.project.name, clientEmail: r.clientEmail, reportsBucket: r.reportsBucket }));
}

export async function recordPlayConnectionTest(connectionId: string, result: { ok: boolean; testedAt: string }) {
  await db.googlePlayConnection.update({ where: { id: connectionId }, data: { lastTestedAt: new Date(result.testedAt), lastTestOk: result.ok, lastTestResult: result as object } });
}

/** Projects the scheduled Play runs cover: every enabled connection (with a reports bucket, when the job needs one). */
export async function projectsWithPlayConnection(options: { needsBucket?: boolean } = {}): Promise<{ projectId: string; teamId: string }[]> {
  return db.googlePlayConnection.findMany({
    where: { enabled: true, ...(options.needsBucket ? { reportsBucket: { not: null } } : {}) },
    select: { projectId: true, teamId: true },
    orderBy: { createdAt: "asc" },
  });
}

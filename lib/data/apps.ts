import "server-only";
import type { AppAccess, ProjectAccess } from "@/lib/auth/access";
import { db, Prisma } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { writeAudit } from "./audit";

export interface AppInput {
  name: string;
  platform: "apple" | "android";
  bundleId: string;
  appStoreId?: string | null;
}

/** The app card's data: everything the project page shows, in one read of `apps`. */
export interface AppCard {
  id: string;
  name: string;
  platform: "apple" | "android";
  bundleId: string | null;
  appStoreId: string | null;
  latestAppVersion: string | null;
  worldwideAverageRating: number | null;
  worldwideRatingCount: number | null;
  worldwideCurrentVersionRating: number | null;
  worldwideCurrentVersionRatingCount: number | null;
  worldwideRatingCountDelta: number | null;
  worldwideRatingDeltaSince: string | null;
  ratingsSyncedAt: string | null;
  /** The last App Store id look-up by bundle id; null when none was ever made or requested. */
  appStoreLookup: AppStoreLookup | null;
}

export interface AppStoreLookup {
  /** null: a look-up was requested and has not finished yet. */
  status: "found" | "not_found" | "unreachable" | null;
  /** When the outcome was recorded, or when the look-up was requested. */
  at: string;
  /** Why it could not be completed (unreachable). */
  error: string | null;
}

const appCardSelect = {
  id: true,
  name: true,
  platform: true,
  bundleId: true,
  appleAppStoreId: true,
  latestAppVersion: true,
  worldwideAverageRating: true,
  worldwideRatingCount: true,
  worldwideCurrentVersionRating: true,
  worldwideCurrentVersionRatingCount: true,
  worldwideRatingCountDelta: true,
  worldwideRatingDeltaSince: true,
  ratingsSyncedAt: true,
  appStoreLookupStatus: true,
  appStoreLookupAt: true,
  appStoreLookupError: true,
} as const;

type AppRow = Prisma.AppGetPayload<{ select: typeof appCardSelect }>;

export function toAppCard(row: AppRow): AppCard {
  return {
    id: row.id,
    name: row.name,
    platform: row.platform,
    bundleId: row.bundleId,
    appStoreId: row.appleAppStoreId?.toString() ?? null,
    latestAppVersion: row.latestAppVersion,
    worldwideAverageRating: row.worldwideAverageRating?.toNumber() ?? null,
    worldwideRatingCount: row.worldwideRatingCount,
    worldwideCurrentVersionRating: row.worldwideCurrentVersionRating?.toNumber() ?? null,
    worldwideCurrentVersionRatingCount: row.worldwideCurrentVersionRatingCount,
    worldwideRatingCountDelta: row.worldwideRatingCountDelta,
    worldwideRatingDeltaSince: row.worldwideRatingDeltaSince?.toISOString().slice(0, 10) ?? null,
    ratingsSyncedAt: row.ratingsSyncedAt?.toISOString() ?? null,
    appStoreLookup: row.appStoreLookupAt ? { status: row.appStoreLookupStatus, at: row.appStoreLookupAt.toISOString(), error: row.appStoreLookupError } : null,
  };
}

export async function listAppCards(ctx: ProjectAccess): Promise<AppCard[]> {
  const rows = await db.app.findMany({
    where: { projectId: ctx.projectId, teamId: ctx.teamId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: appCardSelect,
  });
  return rows.map(toAppCard);
}

/** Apple apps of the project with a bundle id: what a ratings sync can look up. */
export async function countSyncableAppleApps(ctx: Pick<ProjectAccess, "teamId" | "projectId">): Promise<number> {
  return db.app.count({ where: { projectId: ctx.projectId, teamId: ctx.teamId, platform: "apple", bundleId: { not: null } } });
}

function duplicateBundleId(bundleId: string) {
  return new ConflictError(`This project already has an app with bundle id ${bundleId}.`, {
    bundleId: "This project already has an app with this bundle id.",
  });
}

async function assertBundleIdFree(ctx: ProjectAccess, bundleId: string, exceptAppId?: string) {
  const clash = await db.app.findFirst({
    where: { projectId: ctx.projectId, bundleId, ...(exceptAppId ? { id: { not: exceptAppId } } : {}) },
    select: { id: true },
  });
  if (clash) throw duplicateBundleId(bundleId);
}

export async function createApp(ctx: ProjectAccess, input: AppInput): Promise<AppCard> {
  await assertBundleIdFree(ctx, input.bundleId);
  try {
    const row = await db.app.create({
      data: {
        teamId: ctx.teamId,
        projectId: ctx.projectId,
        name: input.name,
        platform: input.platform,
        bundleId: input.bundleId,
        appleAppStoreId: input.appStoreId ? BigInt(input.appStoreId) : null,
        // An Apple app is looked up by its bundle id as soon as it is created (see createAppAction).
        appStoreLookupAt: input.platform === "apple" ? new Date() : null,
      },
      select: appCardSelect,
    });
    await writeAudit(ctx, { action: "app.created", targetType: "app", targetId: row.id, metadata: { bundleId: input.bundleId } });
    return toAppCard(row);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw duplicateBundleId(input.bundleId);
    throw error;
  }
}

export async function updateApp(ctx: AppAccess, input: AppInput): Promise<AppCard> {
  const existing = await db.app.findFirst({ where: { id: ctx.appId, teamId: ctx.teamId }, select: { bundleId: true, platform: true } });
  if (!existing) throw new NotFoundError("App");
  await assertBundleIdFree(ctx, input.bundleId, ctx.appId);
  const identityChanged = existing.bundleId !== input.bundleId || existing.platform !== input.platform;
  try {
    const row = await db.app.update({
      where: { id: ctx.appId },
      data: {
        name: input.name,
        platform: input.platform,
        bundleId: input.bundleId,
        appleAppStoreId: input.appStoreId ? BigInt(input.appStoreId) : identityChanged ? null : undefined,
        // Another bundle id is another app: the last look-up's outcome no longer says anything about it.
        ...(identityChanged ? { appStoreLookupStatus: null, appStoreLookupError: null, appStoreLookupAt: input.platform === "apple" ? new Date() : null } : {}),
      },
      select: appCardSelect,
    });
    await writeAudit(ctx, { action: "app.updated", targetType: "app", targetId: row.id, metadata: { bundleId: input.bundleId } });
    return toAppCard(row);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw duplicateBundleId(input.bundleId);
    throw error;
  }
}

/** "Retry now": forget the last look-up's outcome and mark one as requested; the caller starts it. */
export async function markAppStoreLookupRequested(ctx: AppAccess): Promise<{ id: string; teamId: string; projectId: string }> {
  const [app] = await db.app.updateManyAndReturn({
    where: { id: ctx.appId, teamId: ctx.teamId, platform: "apple", bundleId: { not: null } },
    data: { appStoreLookupStatus: null, appStoreLookupError: null, appStoreLookupAt: new Date() },
    select: { id: true, teamId: true, projectId: true },
  });
  if (!app) throw new NotFoundError("App");
  return app;
}

export async function deleteApp(ctx: AppAccess) {
  const result = await db.app.deleteMany({ where: { id: ctx.appId, teamId: ctx.teamId } });
  if (result.count === 0) throw new NotFoundError("App");
  await writeAudit(ctx, { action: "app.deleted", targetType: "app", targetId: ctx.appId });
  return { deleted: true };
}

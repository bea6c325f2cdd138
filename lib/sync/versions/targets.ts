import "server-only";
import { db } from "@/lib/db";

export interface AppTarget {
  id: string;
  bundleId: string;
  /** Apple's trackId; null until a version sync found the app. JSON-safe (fits a double). */
  trackId: number | null;
}

/** Apple apps with a bundle id in the scope (one app, one project, or every project); Android apps are skipped. */
export async function appleAppTargets(scope: { projectId?: string; appId?: string }): Promise<{ targets: AppTarget[]; skipped: number }> {
  const where = { ...(scope.projectId ? { projectId: scope.projectId } : {}), ...(scope.appId ? { id: scope.appId } : {}) };
  const apps = await db.app.findMany({
    where,
    select: { id: true, platform: true, bundleId: true, appleAppStoreId: true },
    orderBy: { id: "asc" },
  });
  const targets: AppTarget[] = [];
  for (const a of apps) {
    if (a.platform !== "apple" || !a.bundleId) continue;
    targets.push({ id: a.id, bundleId: a.bundleId, trackId: a.appleAppStoreId === null ? null : Number(a.appleAppStoreId) });
  }
  return { targets, skipped: apps.length - targets.length };
}

import "server-only";
import { db } from "@/lib/db";

/** A bundle id searched in all 175 storefronts without a hit is searched that widely again only after this long. */
export const SEARCH_EVERYWHERE_EVERY_MS = 24 * 3_600_000;

export interface AppTarget {
  id: string;
  name: string;
  bundleId: string;
  /** Apple's trackId; null until a version sync found the app. JSON-safe (fits a double). */
  trackId: number | null;
  /** Whether a look-up may ask every storefront (false: not found everywhere within the last day). */
  searchEverywhere: boolean;
}

/** Apple apps with a bundle id in the scope (one app, one project, or every project); Android apps are skipped. */
export async function appleAppTargets(scope: { projectId?: string; appId?: string }): Promise<{ targets: AppTarget[]; skipped: number }> {
  const where = { ...(scope.projectId ? { projectId: scope.projectId } : {}), ...(scope.appId ? { id: scope.appId } : {}) };
  const apps = await db.app.findMany({
    where,
    select: { id: true, name: true, platform: true, bundleId: true, appleAppStoreId: true, appStoreLookupStatus: true, appStoreLookupAt: true },
    orderBy: { id: "asc" },
  });
  const recently = Date.now() - SEARCH_EVERYWHERE_EVERY_MS;
  const targets: AppTarget[] = [];
  for (const a of apps) {
    if (a.platform !== "apple" || !a.bundleId) continue;
    const searchedLately = a.appStoreLookupStatus === "not_found" && a.appStoreLookupAt !== null && a.appStoreLookupAt.getTime() > recently;
    targets.push({
      id: a.id,
      name: a.name,
      bundleId: a.bundleId,
      trackId: a.appleAppStoreId === null ? null : Number(a.appleAppStoreId),
      searchEverywhere: !searchedLately,
    });
  }
  return { targets, skipped: apps.length - targets.length };
}

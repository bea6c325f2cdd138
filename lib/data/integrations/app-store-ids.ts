import "server-only";
import type { AscApp } from "@/lib/apple/asc";
import { db } from "@/lib/db";

export interface ProjectAppleApp {
  id: string;
  bundleId: string | null;
  appleAppStoreId: bigint | null;
}

/**
 * Fills (or corrects) the App Store id of each project app the key lists, matched by bundle id: ASC's app id
 * is the App Store id (the trackId), and Apple's answer is authoritative. Returns the app id → App Store id
 * pairs it wrote.
 */
export async function fillAppStoreIdsFromAsc(projectApps: readonly ProjectAppleApp[], ascApps: readonly AscApp[]): Promise<Map<string, string>> {
  const byBundle = new Map(ascApps.map((a) => [a.bundleId.toLowerCase(), a]));
  const written = new Map<string, string>();
  for (const app of projectApps) {
    const seen = app.bundleId ? byBundle.get(app.bundleId.toLowerCase()) : undefined;
    if (!seen || app.appleAppStoreId?.toString() === seen.id || !/^\d{1,12}$/.test(seen.id)) continue;
    await db.app.update({ where: { id: app.id }, data: { appleAppStoreId: BigInt(seen.id) } });
    written.set(app.id, seen.id);
  }
  return written;
}

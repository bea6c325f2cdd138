import "server-only";
import { db } from "@/lib/db";
import type { FoundApp } from "./find-apps-by-bundle-id";

export interface AppVersionUpdate extends FoundApp {
  appId: string;
}

/**
 * One set-based UPDATE: App Store id and latest version per app. The version's "updated at" is Apple's
 * release date of that version when known, else the moment we first saw it; unchanged rows are not rewritten.
 */
export async function writeAppVersions(updates: readonly AppVersionUpdate[]): Promise<number> {
  if (updates.length === 0) return 0;
  const released = updates.map((u) => (u.currentVersionReleaseDate && !Number.isNaN(Date.parse(u.currentVersionReleaseDate)) ? new Date(u.currentVersionReleaseDate).toISOString() : null));
  return db.$executeRaw`
    UPDATE apps a SET
      apple_app_store_id = v.track_id,
      latest_app_version = v.version,
      latest_app_version_updated_at = CASE
        WHEN a.latest_app_version IS NOT DISTINCT FROM v.version AND a.latest_app_version_updated_at IS NOT NULL THEN a.latest_app_version_updated_at
        ELSE COALESCE(v.released, now()) END,
      updated_at = now()
    FROM unnest(${updates.map((u) => u.appId)}::uuid[], ${updates.map((u) => String(u.trackId))}::bigint[], ${updates.map((u) => u.version)}::text[], ${released}::timestamptz[])
      AS v(app_id, track_id, version, released)
    WHERE a.id = v.app_id
      AND (a.apple_app_store_id IS DISTINCT FROM v.track_id OR a.latest_app_version IS DISTINCT FROM v.version OR a.latest_app_version_updated_at IS NULL)`;
}

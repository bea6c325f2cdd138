import "server-only";
import { db } from "@/lib/db";
import type { FoundApp } from "./find-apps-by-bundle-id";

export interface AppVersionUpdate extends FoundApp {
  appId: string;
}

/** What the last look-up by bundle id found for one app; the app card tells the user from it. */
export interface AppStoreLookupOutcome {
  appId: string;
  status: "found" | "not_found" | "unreachable";
  /** Why the look-up could not be completed (unreachable), else null. */
  error: string | null;
  /** Every storefront was asked (a "not found" from it starts the day before the next such search). */
  searchedEverywhere: boolean;
}

/** The App Store id and version of each app found, and every app's look-up outcome. Returns the apps whose id or version changed. */
export async function writeAppStoreLookup(lookup: { updates: readonly AppVersionUpdate[]; outcomes: readonly AppStoreLookupOutcome[] }): Promise<number> {
  const updated = await writeAppVersions(lookup.updates);
  await writeLookupOutcomes(lookup.outcomes);
  return updated;
}

/**
 * One set-based UPDATE: App Store id and latest version per app. The version's "updated at" is Apple's
 * release date of that version when known, else the moment we first saw it; unchanged rows are not rewritten.
 */
async function writeAppVersions(updates: readonly AppVersionUpdate[]): Promise<number> {
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

/**
 * The outcome is rewritten only when it differs, so its time says since when it has been so — except a "not
 * found" from a search of every storefront, whose time is when that search last ran (see appleAppTargets).
 */
async function writeLookupOutcomes(outcomes: readonly AppStoreLookupOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await db.$executeRaw`
    UPDATE apps a SET app_store_lookup_status = v.status::app_store_lookup_status, app_store_lookup_error = v.error, app_store_lookup_at = now()
    FROM unnest(${outcomes.map((o) => o.appId)}::uuid[], ${outcomes.map((o) => o.status)}::text[], ${outcomes.map((o) => o.error)}::text[],
      ${outcomes.map((o) => o.searchedEverywhere)}::boolean[]) AS v(app_id, status, error, everywhere)
    WHERE a.id = v.app_id
      AND (a.app_store_lookup_status::text IS DISTINCT FROM v.status OR a.app_store_lookup_error IS DISTINCT FROM v.error
        OR (v.status = 'not_found' AND v.everywhere))`;
}

import "server-only";
// Apple apps of the project without an App Store id (not found on the App Store yet, or added after the last
// connection test) get it from the apps the key lists, so their reviews sync on this run instead of never.
import { AscError } from "@/lib/apple/asc";
import { db } from "@/lib/db";
import { fillAppStoreIdsFromAsc } from "@/lib/data/integrations/app-store-ids";
import { ascClientFor, loadIntegration } from "@/lib/data/integrations/credentials";
import { failureOf, type StepFailure } from "./fetch-pages";
import type { AppToSync, RunContext } from "./sync-app";

export interface AppStoreIdResolution {
  /** Apps whose App Store id was found through App Store Connect on this run. */
  resolved: AppToSync[];
  /** Apple apps still without one: App Store Connect does not list their bundle id for this key. */
  withoutId: string[];
  failure: StepFailure | null;
}

export async function resolveMissingAppStoreIds(run: RunContext): Promise<AppStoreIdResolution> {
  const missing = await db.app.findMany({
    where: { projectId: run.projectId, teamId: run.teamId, platform: "apple", appleAppStoreId: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, bundleId: true, appleAppStoreId: true },
  });
  if (missing.length === 0) return { resolved: [], withoutId: [], failure: null };
  const integration = await loadIntegration(run.projectId, run.teamId);
  if (!integration?.enabled) return { resolved: [], withoutId: missing.map((a) => a.name), failure: null };
  let written: Map<string, string>;
  try {
    written = await fillAppStoreIdsFromAsc(missing, await ascClientFor(integration.credentials).listApps());
  } catch (error) {
    if (!(error instanceof AscError)) throw error;
    return { resolved: [], withoutId: missing.map((a) => a.name), failure: failureOf(error) };
  }
  const withReviews = new Set(
    (await db.appStoreReview.groupBy({ by: ["appId"], where: { appId: { in: [...written.keys()] } } })).map((r) => r.appId),
  );
  const resolved = missing.flatMap((a) => {
    const appStoreId = written.get(a.id);
    return appStoreId ? [{ appId: a.id, name: a.name, appStoreId, hadReviews: withReviews.has(a.id) }] : [];
  });
  return { resolved, withoutId: missing.filter((a) => !written.has(a.id)).map((a) => a.name), failure: null };
}

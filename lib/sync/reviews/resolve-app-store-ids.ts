import "server-only";
// Apple apps of the project without an App Store id (not found on the App Store yet, or added after the last
// connection test) get it from the apps the key lists, so their reviews sync on this run instead of never.
import { AscError } from "@/lib/apple/asc";
import { fillAppStoreIdsFromAsc } from "@/lib/data/integrations/app-store-ids";
import { ascClientFor, loadIntegration } from "@/lib/data/integrations/credentials";
import { failureOf, type StepFailure } from "./fetch-pages";
import type { AppToSync, RunContext } from "./run-context";

export interface AppMissingAppStoreId {
  appId: string;
  name: string;
  bundleId: string | null;
  hadReviews: boolean;
  announcePending: boolean;
}

export interface AppStoreIdResolution {
  /** Apps whose App Store id was found through App Store Connect on this run. */
  resolved: AppToSync[];
  /** Apple apps still without one: App Store Connect does not list their bundle id for this key. */
  withoutId: string[];
  failure: StepFailure | null;
}

export async function resolveMissingAppStoreIds(run: RunContext, missing: readonly AppMissingAppStoreId[]): Promise<AppStoreIdResolution> {
  const unresolved = { resolved: [], withoutId: missing.map((a) => a.name) };
  const integration = await loadIntegration(run.projectId, run.teamId);
  if (!integration?.enabled) return { ...unresolved, failure: null };
  let written: Map<string, string>;
  try {
    const projectApps = missing.map((a) => ({ id: a.appId, bundleId: a.bundleId, appleAppStoreId: null }));
    written = await fillAppStoreIdsFromAsc(projectApps, await ascClientFor(integration.credentials).listApps());
  } catch (error) {
    if (!(error instanceof AscError)) throw error;
    return { ...unresolved, failure: failureOf(error) };
  }
  return {
    resolved: missing.flatMap(({ appId, name, hadReviews, announcePending }) => {
      const appStoreId = written.get(appId);
      return appStoreId ? [{ appId, name, appStoreId, hadReviews, announcePending }] : [];
    }),
    withoutId: missing.filter((a) => !written.has(a.appId)).map((a) => a.name),
    failure: null,
  };
}

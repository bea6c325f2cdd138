import "server-only";
import { AscError } from "@/lib/apple/asc";
import type { ProjectAccess } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { fillAppStoreIdsFromAsc } from "./app-store-ids";
import { ascDetails } from "./asc-errors";
import { ascClientFor, loadIntegration } from "./credentials";
import type { ConnectionTest } from "./view";

/**
 * Lists the apps the key sees, marks which of the project's apps (by bundle id) it covers and fills their
 * App Store id. Apple's refusal is a result to show, not an exception.
 */
export async function testConnection(ctx: Pick<ProjectAccess, "teamId" | "projectId">): Promise<ConnectionTest> {
  const integration = await loadIntegration(ctx.projectId, ctx.teamId);
  if (!integration) throw new NotFoundError("App Store Connect integration");
  const projectApps = await db.app.findMany({
    where: { projectId: ctx.projectId, teamId: ctx.teamId, platform: "apple" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, bundleId: true, appleAppStoreId: true },
  });
  const testedAt = new Date();
  let result: ConnectionTest;
  try {
    const apps = await ascClientFor(integration.credentials, { maxRetries: 1, maxRateLimitWaitMs: 10_000 }).listApps();
    const byBundle = new Set(apps.map((a) => a.bundleId.toLowerCase()));
    const written = await fillAppStoreIdsFromAsc(projectApps, apps);
    const coverage = projectApps.map((app) => ({
      appId: app.id,
      name: app.name,
      bundleId: app.bundleId,
      covered: Boolean(app.bundleId && byBundle.has(app.bundleId.toLowerCase())),
      appStoreId: written.get(app.id) ?? app.appleAppStoreId?.toString() ?? null,
    }));
    const projectByBundle = new Map(projectApps.filter((a) => a.bundleId).map((a) => [a.bundleId!.toLowerCase(), a.id]));
    result = {
      ok: true,
      testedAt: testedAt.toISOString(),
      apps: apps.map((a) => ({ ascAppId: a.id, name: a.name, bundleId: a.bundleId, projectAppId: projectByBundle.get(a.bundleId.toLowerCase()) ?? null })),
      coverage,
      error: null,
    };
  } catch (error) {
    if (!(error instanceof AscError)) throw error;
    result = {
      ok: false,
      testedAt: testedAt.toISOString(),
      apps: [],
      coverage: projectApps.map((a) => ({ appId: a.id, name: a.name, bundleId: a.bundleId, covered: false, appStoreId: a.appleAppStoreId?.toString() ?? null })),
      error: ascDetails(error),
    };
  }
  await db.integration.update({
    where: { id: integration.id },
    data: { lastTestedAt: testedAt, lastTestOk: result.ok, lastTestResult: result as object },
  });
  return result;
}

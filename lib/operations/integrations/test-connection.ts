import "server-only";
import { z } from "zod";
import { AscError, ascDetails } from "@/lib/apple/asc";
import { probeReportAccess } from "@/lib/apple/asc/reports/probe";
import type { ProjectAccess } from "@/lib/auth/access";
import * as integrations from "@/lib/data/integrations";
import { fillAppStoreIdsFromAsc } from "@/lib/data/integrations/app-store-ids";
import { ascClientFor, loadIntegration } from "@/lib/data/integrations/credentials";
import { NotFoundError } from "@/lib/errors";
import { reportsClientConfig } from "@/lib/sync/sales/reports-client";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { integrationPaths } from "./integration-paths";
import { backfillOnConnect } from "./report-runs";

/**
 * Lists the apps the key sees, marks which of the project's apps (by bundle id) it covers and fills their App Store
 * id, checks that the key reads Sales and Finance reports for the vendor number (when one is set), and keeps the
 * result on the integration. Apple's refusal is a result to show, not an exception. The first time the Sales
 * reports can be read, the backfill of everything Apple keeps starts.
 */
export async function runConnectionTest(ctx: Pick<ProjectAccess, "teamId" | "projectId" | "caller">): Promise<integrations.ConnectionTest> {
  const integration = await loadIntegration(ctx.projectId, ctx.teamId);
  if (!integration) throw new NotFoundError("App Store Connect integration");
  const projectApps = await integrations.listProjectAppleApps(ctx);
  const testedAt = new Date().toISOString();
  const vendorNumber = (await integrations.getIntegration(ctx))?.vendorNumber ?? null;
  const reports = vendorNumber ? await probeReportAccess({ credentials: integration.credentials, vendorNumber, client: reportsClientConfig() }) : null;
  let result: integrations.ConnectionTest;
  try {
    const apps = await ascClientFor(integration.credentials, { maxRetries: 1, maxRateLimitWaitMs: 10_000 }).listApps();
    const byBundle = new Set(apps.map((a) => a.bundleId.toLowerCase()));
    const written = await fillAppStoreIdsFromAsc(projectApps, apps);
    const projectByBundle = new Map(projectApps.flatMap((a) => (a.bundleId ? [[a.bundleId.toLowerCase(), a.id] as const] : [])));
    result = {
      ok: true,
      testedAt,
      apps: apps.map((a) => ({ ascAppId: a.id, name: a.name, bundleId: a.bundleId, projectAppId: projectByBundle.get(a.bundleId.toLowerCase()) ?? null })),
      coverage: projectApps.map((app) => ({
        appId: app.id,
        name: app.name,
        bundleId: app.bundleId,
        covered: Boolean(app.bundleId && byBundle.has(app.bundleId.toLowerCase())),
        appStoreId: written.get(app.id) ?? app.appleAppStoreId?.toString() ?? null,
      })),
      error: null,
      reports,
    };
  } catch (error) {
    if (!(error instanceof AscError)) throw error;
    result = {
      ok: false,
      testedAt,
      apps: [],
      coverage: projectApps.map((a) => ({ appId: a.id, name: a.name, bundleId: a.bundleId, covered: false, appStoreId: a.appleAppStoreId?.toString() ?? null })),
      error: ascDetails(error),
      reports,
    };
  }
  await integrations.recordConnectionTest(integration.id, result);
  await backfillOnConnect(ctx, result, integration.enabled);
  return result;
}

export const testConnection = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx) => runConnectionTest(ctx),
  revalidate: (i) => integrationPaths(i.projectId),
});

import "server-only";
// What a report sync needs of the project's App Store Connect integration, and why it cannot run when it cannot.
import type { AscCredentials } from "@/lib/apple/asc";
import { loadIntegration } from "@/lib/data/integrations/credentials";
import { reportsRefusalOf } from "@/lib/data/sales/reports-state";
import { db } from "@/lib/db";

export interface ReportsIntegration {
  credentials: AscCredentials;
  vendorNumber: string;
}

export async function loadReportsIntegration(target: { teamId: string; projectId: string }): Promise<{ integration: ReportsIntegration | null; refusal: string | null }> {
  const stored = await loadIntegration(target.projectId, target.teamId);
  const row = stored ? await db.integration.findUnique({ where: { id: stored.id }, select: { vendorNumber: true } }) : null;
  const refusal = reportsRefusalOf(stored ? { enabled: stored.enabled, keyType: stored.credentials.keyType, vendorNumber: row?.vendorNumber ?? null } : null);
  if (!stored || !row?.vendorNumber || refusal) return { integration: null, refusal: refusal ?? "The App Store Connect integration changed during the run." };
  return { integration: { credentials: stored.credentials, vendorNumber: row.vendorNumber }, refusal: null };
}

/** Projects the scheduled report runs cover: an enabled integration with a vendor number. */
export async function projectsWithReports(): Promise<{ teamId: string; projectId: string }[]> {
  return db.integration.findMany({
    where: { enabled: true, provider: "app_store_connect", vendorNumber: { not: null }, keyType: "team" },
    select: { teamId: true, projectId: true },
    orderBy: { createdAt: "asc" },
  });
}

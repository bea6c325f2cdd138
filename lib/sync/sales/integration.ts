import "server-only";
// What a report sync needs of the project's App Store Connect integration, and why it cannot run when it cannot.
import type { AscCredentials } from "@/lib/apple/asc";
import { loadIntegration } from "@/lib/data/integrations/credentials";
import { db } from "@/lib/db";

export interface ReportsIntegration {
  credentials: AscCredentials;
  vendorNumber: string;
}

export async function loadReportsIntegration(target: { teamId: string; projectId: string }): Promise<{ integration: ReportsIntegration | null; refusal: string | null }> {
  const stored = await loadIntegration(target.projectId, target.teamId);
  if (!stored) return { integration: null, refusal: "This project has no App Store Connect integration." };
  if (!stored.enabled) return { integration: null, refusal: "The App Store Connect integration is disabled." };
  const row = await db.integration.findUnique({ where: { id: stored.id }, select: { vendorNumber: true } });
  if (!row?.vendorNumber) return { integration: null, refusal: "The App Store Connect integration has no vendor number: add it (App Store Connect → Payments and Financial Reports) to read Sales and Finance reports." };
  if (stored.credentials.keyType === "individual") {
    return { integration: null, refusal: "The App Store Connect key is an individual key, which cannot read Sales and Finance reports: use a team key with the Sales and Reports, Finance or Admin role." };
  }
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

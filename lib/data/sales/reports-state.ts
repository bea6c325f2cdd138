import "server-only";
// Whether a project's Sales and Trends reports can sync, and which days are in: the empty state of the page and
// the end of the KPI periods.
import type { ProjectAccess } from "@/lib/auth/access";
import { db } from "@/lib/db";
import type { SalesReportsState } from "./types";

/** Why the reports sync cannot run for an integration in this state, in words; null when it can. */
export function reportsRefusalOf(integration: { enabled: boolean; keyType: "team" | "individual"; vendorNumber: string | null } | null): string | null {
  if (!integration) return "This project has no App Store Connect integration: connect an API key and the vendor number to read Sales and Finance reports.";
  if (!integration.enabled) return "The App Store Connect integration is disabled.";
  if (!integration.vendorNumber) return "The App Store Connect integration has no vendor number: add it (App Store Connect → Payments and Financial Reports) to read Sales and Finance reports.";
  if (integration.keyType === "individual") {
    return "The App Store Connect key is an individual key, which cannot read Sales and Finance reports: use a team key with the Sales and Reports, Finance or Admin role.";
  }
  return null;
}

export async function salesReportsState(ctx: ProjectAccess): Promise<SalesReportsState> {
  const [integration, days] = await Promise.all([
    db.integration.findFirst({
      where: { projectId: ctx.projectId, teamId: ctx.teamId, provider: "app_store_connect" },
      select: { enabled: true, keyType: true, vendorNumber: true },
    }),
    db.$queryRaw<{ latest: string | null; earliest: string | null }[]>`
      SELECT max(report_date)::text AS latest, min(report_date)::text AS earliest FROM asc_report_files
      WHERE project_id = ${ctx.projectId}::uuid AND team_id = ${ctx.teamId}::uuid AND kind = 'sales' AND frequency = 'DAILY' AND region_code = ''
        AND status IN ('imported', 'no_sales')`,
  ]);
  const notConnectedReason = reportsRefusalOf(integration);
  return { connected: notConnectedReason === null, notConnectedReason, latestDay: days[0]?.latest ?? null, earliestDay: days[0]?.earliest ?? null };
}

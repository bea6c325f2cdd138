import "server-only";
// Version releases for the charts: the first day each app version appears in the Sales reports. A version already
// selling on the first day its app appears in the reports was released before Starboard's history: not a marker.
import type { ProjectAccess } from "@/lib/auth/access";
import { db, Prisma } from "@/lib/db";
import type { ReleaseMarker, SalesRange } from "./types";

export async function releaseMarkers(ctx: ProjectAccess, range: SalesRange, appId: string | null = null): Promise<ReleaseMarker[]> {
  const rows = await db.$queryRaw<{ date: string; app_id: string; app_name: string; version: string }[]>`
    SELECT v.first_date::text AS date, a.id AS app_id, a.name AS app_name, v.version
    FROM sales_app_versions v
    JOIN sales_identifiers i ON i.project_id = v.project_id AND i.apple_identifier = v.apple_identifier
    JOIN apps a ON a.id = i.app_id AND a.project_id = v.project_id AND a.team_id = ${ctx.teamId}::uuid
    WHERE v.project_id = ${ctx.projectId}::uuid AND v.team_id = ${ctx.teamId}::uuid
      AND v.first_date BETWEEN ${range.from}::date AND ${range.to}::date AND v.first_date > i.first_date
      ${appId ? Prisma.sql`AND a.id = ${appId}::uuid` : Prisma.empty}
    ORDER BY v.first_date, a.name, v.version`;
  return rows.map((r) => ({ date: r.date, appId: r.app_id, appName: r.app_name, version: r.version }));
}

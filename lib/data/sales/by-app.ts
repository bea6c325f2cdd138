import "server-only";
// A project's downloads and proceeds per app over a range (every Apple app of the project, zeros included), and how
// many products in its reports belong to none of its apps (kept, not counted here).
import type { ProjectAccess } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { figuresCtes, figuresOf, fxCtes, rollupSource, type FigureRow } from "./sql";
import type { SalesAppBreakdown, SalesRange } from "./types";

interface AppRow extends FigureRow {
  app_id: string;
  name: string;
  matched: boolean;
}

/** Most downloads first, then by name. */
export async function salesByApp(ctx: ProjectAccess, range: SalesRange, teamCurrency: string | null): Promise<{ apps: SalesAppBreakdown[]; unmatchedProducts: number }> {
  const [rows, unmatched] = await Promise.all([
    db.$queryRaw<AppRow[]>`
      WITH ${fxCtes(ctx)},
      ${rollupSource(ctx, range, "apps")},
      ${figuresCtes(ctx, ["app_id"])}
      SELECT a.id AS app_id, a.name, s.downloads, s.redownloads, s.updates, s.in_app_purchases, s.subscriptions, s.proceeds, s.converted, s.estimate, s.missing_rates,
        EXISTS (SELECT 1 FROM sales_identifiers i WHERE i.project_id = a.project_id AND i.app_id = a.id) AS matched
      FROM apps a
      LEFT JOIN figures s ON s.app_id = a.id
      WHERE a.project_id = ${ctx.projectId}::uuid AND a.team_id = ${ctx.teamId}::uuid AND a.platform = 'apple'
      ORDER BY coalesce(s.downloads_sum, 0) DESC, a.name, a.id`,
    db.salesIdentifier.count({ where: { projectId: ctx.projectId, teamId: ctx.teamId, appId: null } }),
  ]);
  return {
    apps: rows.map((r) => ({ appId: r.app_id, name: r.name, matched: r.matched, ...figuresOf(r, teamCurrency) })),
    unmatchedProducts: unmatched,
  };
}

import "server-only";
// Totals over several ranges at once (the KPI periods and the periods before them), for a project or one app, with
// how many days of each range are in: a comparison against a period with missing days is not a comparison.
import type { ProjectAccess } from "@/lib/auth/access";
import { db, Prisma } from "@/lib/db";
import { figuresCtes, figuresOf, fxCtes, rollupSource, salesFileOn, type FigureRow } from "./sql";
import type { SalesRange, SalesTotals } from "./types";

interface TotalsRow extends FigureRow {
  name: string;
  settled_days: number;
  days: number;
}

export async function salesTotals<K extends string>(
  ctx: ProjectAccess,
  ranges: Record<K, SalesRange>,
  teamCurrency: string | null,
  appId: string | null = null,
): Promise<Record<K, SalesTotals>> {
  const entries = Object.entries(ranges) as [K, SalesRange][];
  const span: SalesRange = { from: entries.map(([, r]) => r.from).sort()[0], to: entries.map(([, r]) => r.to).sort().at(-1)! };
  const rows = await db.$queryRaw<TotalsRow[]>`
    WITH ranges AS (
      SELECT * FROM unnest(${entries.map(([k]) => k)}::text[], ${entries.map(([, r]) => r.from)}::date[], ${entries.map(([, r]) => r.to)}::date[]) AS r(name, from_d, to_d)
    ),
    ${fxCtes(ctx)},
    ${rollupSource(ctx, span, appId ? { appId } : "project")},
    ranged AS (SELECT r.name, src.* FROM ranges r JOIN src ON src.report_date BETWEEN r.from_d AND r.to_d),
    ${figuresCtes(ctx, ["name"], "ranged")},
    coverage AS (
      SELECT r.name, count(*)::int AS days, (count(*) FILTER (WHERE f.status IN ('imported', 'no_sales')))::int AS settled_days
      FROM ranges r
      CROSS JOIN LATERAL generate_series(r.from_d, r.to_d, interval '1 day') g(d)
      LEFT JOIN asc_report_files f ON ${salesFileOn(ctx, Prisma.sql`g.d::date`)}
      GROUP BY r.name
    )
    SELECT c.name, c.days, c.settled_days, s.downloads, s.redownloads, s.updates, s.in_app_purchases, s.subscriptions, s.proceeds, s.converted, s.estimate, s.missing_rates
    FROM coverage c LEFT JOIN figures s ON s.name = c.name`;
  const byName = new Map(rows.map((r) => [r.name, r]));
  return Object.fromEntries(
    entries.map(([k]) => {
      const r = byName.get(k)!;
      return [k, { ...figuresOf(r, teamCurrency), settledDays: r.settled_days, days: r.days }];
    }),
  ) as Record<K, SalesTotals>;
}

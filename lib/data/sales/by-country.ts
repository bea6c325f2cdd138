import "server-only";
// Downloads and proceeds per storefront over a range: a project's from its country rollup; one app's from the daily
// facts of the products that belong to it (the app and its in-app purchases), classified by product type.
import type { ProjectAccess } from "@/lib/auth/access";
import { db, Prisma } from "@/lib/db";
import { figuresCtes, figuresOf, fxCtes, type FigureRow } from "./sql";
import type { SalesCountry, SalesRange } from "./types";

/** Product type codes per bucket (lib/apple/asc/reports codesOf), passed in: this layer reads the database only. */
export interface ProductTypeCodes {
  downloads: string[];
  redownloads: string[];
  updates: string[];
  inAppPurchases: string[];
  subscriptions: string[];
}

interface CountryRow extends FigureRow {
  country_code: string;
}

function countrySource(ctx: ProjectAccess, range: SalesRange, app: { appId: string; codes: ProductTypeCodes } | null): Prisma.Sql {
  const inRange = Prisma.sql`project_id = ${ctx.projectId}::uuid AND team_id = ${ctx.teamId}::uuid AND report_date BETWEEN ${range.from}::date AND ${range.to}::date`;
  if (!app) {
    return Prisma.sql`src AS (
      SELECT country_code, report_date, proceeds_currency, downloads, redownloads, updates, in_app_purchases, subscriptions, proceeds
      FROM sales_country_days WHERE ${inRange})`;
  }
  const units = (codes: string[]) => Prisma.sql`coalesce(sum(units) FILTER (WHERE product_type = ANY(${codes}::text[])), 0)`;
  // The app's identifiers as an array, so the facts' primary key (project, day, identifier, …) narrows the scan.
  return Prisma.sql`src AS (
    SELECT country_code, report_date, proceeds_currency, ${units(app.codes.downloads)} AS downloads, ${units(app.codes.redownloads)} AS redownloads,
      ${units(app.codes.updates)} AS updates, ${units(app.codes.inAppPurchases)} AS in_app_purchases, ${units(app.codes.subscriptions)} AS subscriptions,
      sum(proceeds) AS proceeds
    FROM sales_daily_facts
    WHERE ${inRange} AND apple_identifier = ANY(ARRAY(
      SELECT apple_identifier FROM sales_identifiers WHERE project_id = ${ctx.projectId}::uuid AND team_id = ${ctx.teamId}::uuid AND app_id = ${app.appId}::uuid))
    GROUP BY country_code, report_date, proceeds_currency)`;
}

/** Per storefront (lower-case code, as ratings name storefronts) over the range, most downloads first (then by code). */
export async function salesByCountry(
  ctx: ProjectAccess,
  range: SalesRange,
  teamCurrency: string | null,
  app: { appId: string; codes: ProductTypeCodes } | null = null,
): Promise<SalesCountry[]> {
  const rows = await db.$queryRaw<CountryRow[]>`
    WITH ${fxCtes(ctx)},
    ${countrySource(ctx, range, app)},
    ${figuresCtes(ctx, ["country_code"])}
    SELECT * FROM figures
    ORDER BY downloads_sum DESC, country_code`;
  return rows.map((r) => ({ countryCode: r.country_code.toLowerCase(), ...figuresOf(r, teamCurrency) }));
}

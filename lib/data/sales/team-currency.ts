import "server-only";
// The team currency is the currency Apple pays the team in (the finance reports' bank account currency; Starboard has
// no currency setting of its own), and the fiscal months whose exchange rates are known. Without finance data there
// is no team currency: proceeds stay in the currencies Apple reported them in.
import type { ProjectAccess } from "@/lib/auth/access";
import { db } from "@/lib/db";

export interface FinanceCoverage {
  /** The payout currency of the newest fiscal month with finance data; null without any. */
  payoutCurrency: string | null;
  /** Fiscal months with exchange rates, oldest first (first and last day, as the finance files state them). */
  months: { start: string; end: string }[];
}

export async function financeCoverage(ctx: ProjectAccess): Promise<FinanceCoverage> {
  const rows = await db.$queryRaw<{ start: string; end: string; payout: string }[]>`
    SELECT period_start::text AS start, max(period_end)::text AS "end", min(payout_currency) AS payout FROM finance_exchange_rates
    WHERE project_id = ${ctx.projectId}::uuid AND team_id = ${ctx.teamId}::uuid
    GROUP BY period_start ORDER BY period_start`;
  return { payoutCurrency: rows.at(-1)?.payout ?? null, months: rows.map((r) => ({ start: r.start, end: r.end })) };
}

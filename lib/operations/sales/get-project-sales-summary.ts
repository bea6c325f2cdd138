import "server-only";
import { z } from "zod";
import { addDays } from "@/lib/apple/asc/reports/values";
import { salesReportsState } from "@/lib/data/sales/reports-state";
import { salesTotals } from "@/lib/data/sales/totals";
import type { SalesRange, SalesTotals } from "@/lib/data/sales/types";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { teamCurrencyFor } from "./sales-range";

const complete = (t: SalesTotals) => t.settledDays === t.days;

/** (current − previous) / previous, when both periods have every day and the previous one is not zero. */
function changeOf(current: SalesTotals, previous: SalesTotals, value: (t: SalesTotals) => string | null): number | null {
  const [now, before] = [value(current), value(previous)];
  if (now === null || before === null || !complete(current) || !complete(previous) || Number(before) === 0) return null;
  return (Number(now) - Number(before)) / Math.abs(Number(before));
}

function kpi(current: SalesTotals & SalesRange, previous: SalesTotals & SalesRange) {
  return {
    current,
    previous,
    change: {
      downloads: changeOf(current, previous, (t) => t.downloads),
      redownloads: changeOf(current, previous, (t) => t.redownloads),
      updates: changeOf(current, previous, (t) => t.updates),
      proceeds: changeOf(current, previous, (t) => t.converted?.amount ?? null),
    },
  };
}

/**
 * The Downloads & revenue page's head: whether reports are connected, and the last 7 and 30 days up to the newest day
 * that is in, each against the period before it.
 */
export const getProjectSalesSummary = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "sales:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx) => {
    const reports = await salesReportsState(ctx);
    const end = reports.latestDay;
    if (!end) return { reports, teamCurrency: await teamCurrencyFor(ctx, null), kpis: null };
    const ranges = {
      last7: { from: addDays(end, -6), to: end },
      before7: { from: addDays(end, -13), to: addDays(end, -7) },
      last30: { from: addDays(end, -29), to: end },
      before30: { from: addDays(end, -59), to: addDays(end, -30) },
    };
    const teamCurrency = await teamCurrencyFor(ctx, ranges.last30);
    const t = await salesTotals(ctx, ranges, teamCurrency.code);
    return {
      reports,
      teamCurrency,
      kpis: {
        last7: kpi({ ...ranges.last7, ...t.last7 }, { ...ranges.before7, ...t.before7 }),
        last30: kpi({ ...ranges.last30, ...t.last30 }, { ...ranges.before30, ...t.before30 }),
      },
    };
  },
});

import "server-only";
import { z } from "zod";
import { latestPublishedSalesDay, oldestRetainedSalesDay } from "@/lib/apple/asc/reports";
import { can } from "@/lib/auth/access";
import { financeCoverage, getIntegration, salesCoverage } from "@/lib/data/integrations";
import { latestRun } from "@/lib/sync/runs";
import { dueFinanceMonths } from "@/lib/sync/sales/schedule";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

/**
 * The integrations page's Sales and Finance part, polled while a run goes: what is stored of the year Apple keeps
 * and of the finance months, the latest sales run (backfill or daily) and finance run, and whether this caller may
 * start a sync.
 */
export const getReportsStatus = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "integrations:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx) => {
    const now = new Date();
    const to = latestPublishedSalesDay(now);
    const [integration, sales, salesRun, finance, financeRun] = await Promise.all([
      getIntegration(ctx),
      salesCoverage(ctx, { from: oldestRetainedSalesDay(to), to }),
      latestRun(["app_store_sales_backfill", "app_store_sales_sync"], ctx.projectId),
      financeCoverage(ctx, dueFinanceMonths(now).map((m) => m.start)),
      latestRun("app_store_finance_sync", ctx.projectId),
    ]);
    return { vendorNumber: integration?.vendorNumber ?? null, sales, salesRun, finance, financeRun, canSync: can(ctx, "integrations:write") };
  },
});

import "server-only";
import { salesRangeQuery } from "@/lib/api/v1/schemas/sales";
import { salesByApp } from "@/lib/data/sales/by-app";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { resolveSalesRange, teamCurrencyFor } from "./sales-range";

/** A project's downloads and proceeds per app over a range, and how many products in its reports match no app. */
export const getProjectSalesByApp = defineOperation({
  input: salesRangeQuery.extend({ projectId: idSchema }),
  permission: "sales:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx, input) => {
    const range = resolveSalesRange(input);
    const teamCurrency = await teamCurrencyFor(ctx, range);
    return { ...range, teamCurrency, ...(await salesByApp(ctx, range, teamCurrency.code)) };
  },
});

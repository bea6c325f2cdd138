import "server-only";
import { salesQuery } from "@/lib/api/v1/schemas/sales";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { readSales } from "./read-sales";

/** One app's downloads and proceeds (its in-app purchases and subscriptions included), per day or per storefront. */
export const getAppSales = defineOperation({
  input: salesQuery.extend({ appId: idSchema }),
  permission: "sales:read",
  scope: (i) => ({ appId: i.appId }),
  handler: (ctx, input) => readSales(ctx, input, ctx.appId),
});

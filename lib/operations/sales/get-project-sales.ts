import "server-only";
import { salesQuery } from "@/lib/api/v1/schemas/sales";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { readSales } from "./read-sales";

/** A project's downloads and proceeds over a range, per day (with each day's report state) or per storefront. */
export const getProjectSales = defineOperation({
  input: salesQuery.extend({ projectId: idSchema }),
  permission: "sales:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx, input) => readSales(ctx, input, null),
});

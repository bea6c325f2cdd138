import "server-only";
import { z } from "zod";
import { latestPublishedSalesDay } from "@/lib/apple/asc/reports";
import { getProject } from "@/lib/data/projects";
import { salesReportsState } from "@/lib/data/sales/reports-state";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

/**
 * The Downloads & revenue page: the project, whether its reports are connected and have days in (the empty state), and
 * the newest day Apple publishes by now (where the chart's ranges end).
 */
export const getSalesPage = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "sales:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx) => {
    const [project, reports] = await Promise.all([getProject(ctx), salesReportsState(ctx)]);
    return { project, reports, latestPublishedDay: latestPublishedSalesDay(new Date()) };
  },
});

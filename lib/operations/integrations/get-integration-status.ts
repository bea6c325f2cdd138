import "server-only";
import { z } from "zod";
import { can } from "@/lib/auth/access";
import { getIntegration } from "@/lib/data/integrations";
import { latestRun } from "@/lib/sync/runs";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

/** Integration status and the latest reviews run, for members too (read-only), and whether this caller may start a sync. */
export const getIntegrationStatus = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "integrations:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx) => {
    const [integration, run] = await Promise.all([getIntegration(ctx), latestRun("app_store_connect_reviews_sync", ctx.projectId)]);
    return { integration, latestRun: run, canSync: can(ctx, "integrations:write") };
  },
});

import "server-only";
import { z } from "zod";
import { getIntegration } from "@/lib/data/integrations";
import { ConflictError } from "@/lib/errors";
import { requestProjectSync } from "@/lib/jobs/request-sync";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

/** "Sync reviews": starts the project's reviews run, or returns the one already going. */
export const requestReviewsSync = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx) => {
    const integration = await getIntegration(ctx);
    if (!integration?.enabled) {
      throw new ConflictError(integration ? "Enable the App Store Connect integration to sync reviews." : "Set up App Store Connect for this project first.");
    }
    const { run, alreadyRunning } = await requestProjectSync("app_store_connect_reviews_sync", { teamId: ctx.teamId, projectId: ctx.projectId }, ctx.caller.kind === "apiKey" ? "api" : "manual");
    return { runId: run.id, status: run.status, alreadyRunning };
  },
});

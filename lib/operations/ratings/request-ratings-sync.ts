import "server-only";
import { z } from "zod";
import { countSyncableAppleApps } from "@/lib/data/apps";
import { ValidationError } from "@/lib/errors";
import { requestProjectSync } from "@/lib/jobs/request-sync";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

/** "Sync ratings": starts the project's ratings run, or returns the one already going. */
export const requestRatingsSync = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx) => {
    if ((await countSyncableAppleApps(ctx)) === 0) throw new ValidationError("Add an Apple app with a bundle id first: there is nothing to sync yet.");
    return requestProjectSync("app_store_ratings_sync", { teamId: ctx.teamId, projectId: ctx.projectId }, ctx.caller.kind === "apiKey" ? "api" : "manual");
  },
});

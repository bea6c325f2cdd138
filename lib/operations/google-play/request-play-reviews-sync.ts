import "server-only";
import { z } from "zod";
import { getPlayConnection } from "@/lib/data/google-play/connections";
import { ConflictError } from "@/lib/errors";
import { requestProjectSync } from "@/lib/jobs/request-sync";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { playTarget, playTrigger } from "./play-paths";

/** "Sync Play reviews": starts the project's Play reviews run, or returns the one already going. */
export const requestPlayReviewsSync = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx) => {
    const connection = await getPlayConnection(playTarget(ctx));
    if (!connection?.enabled) throw new ConflictError(connection ? "Enable the Google Play connection to sync reviews." : "Connect Google Play for this project first.");
    const { run, alreadyRunning } = await requestProjectSync("google_play_reviews_sync", playTarget(ctx), playTrigger(ctx));
    return { runId: run.id, status: run.status, alreadyRunning };
  },
});

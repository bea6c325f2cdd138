import "server-only";
import { z } from "zod";
import { getPlayConnection } from "@/lib/data/google-play/connections";
import { latestRun } from "@/lib/sync/runs";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { playTarget } from "./play-paths";

/** The integrations page's Google Play part: the connection and the latest run of each Play job. */
export const getPlaySetup = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "integrations:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx) => {
    const [connection, reviews, backfill, ratings] = await Promise.all([
      getPlayConnection(playTarget(ctx)),
      latestRun("google_play_reviews_sync", ctx.projectId),
      latestRun("google_play_reviews_backfill", ctx.projectId),
      latestRun("google_play_ratings_sync", ctx.projectId),
    ]);
    return { connection, runs: { reviews, backfill, ratings } };
  },
});

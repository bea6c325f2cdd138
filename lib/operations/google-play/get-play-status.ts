import "server-only";
import { z } from "zod";
import { can } from "@/lib/auth/access";
import { getPlayConnection } from "@/lib/data/google-play/connections";
import { latestRun } from "@/lib/sync/runs";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { playTarget } from "./play-paths";

/** The project's Google Play connection and the latest run of each Play job, for members too, and whether this caller may start a sync. */
export const getPlayStatus = defineOperation({
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
    return { connection, runs: { reviews, backfill, ratings }, canSync: can(ctx, "integrations:write") };
  },
});

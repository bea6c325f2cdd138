import "server-only";
import { z } from "zod";
import { can } from "@/lib/auth/access";
import { getPlayConnection, listPlayCopySources } from "@/lib/data/google-play/connections";
import { latestRun } from "@/lib/sync/runs";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { playTarget } from "./play-paths";

/** The integrations page's Google Play part: the connection, the latest run of each Play job, and (for those who may change it) the team's other connections to copy. */
export const getPlaySetup = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "integrations:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx) => {
    const canWrite = can(ctx, "integrations:write");
    const [connection, sources, reviews, backfill, ratings] = await Promise.all([
      getPlayConnection(playTarget(ctx)),
      canWrite ? listPlayCopySources(playTarget(ctx)) : Promise.resolve([]),
      latestRun("google_play_reviews_sync", ctx.projectId),
      latestRun("google_play_reviews_backfill", ctx.projectId),
      latestRun("google_play_ratings_sync", ctx.projectId),
    ]);
    return { connection, sources, canWrite, runs: { reviews, backfill, ratings } };
  },
});

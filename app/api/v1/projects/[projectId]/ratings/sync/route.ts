import { syncRatings } from "@/lib/api/v1/ratings-endpoints";
import { syncTrigger, v1Route, withAccess } from "@/lib/api/v1/route";
import { requestProjectSync } from "@/lib/jobs/request-sync";

export const POST = v1Route(syncRatings, ({ caller, input, request }) =>
  withAccess(caller, { projectId: input.projectId }, syncRatings.permission, async (ctx) => {
    const { run, alreadyRunning } = await requestProjectSync("app_store_ratings_sync", { teamId: ctx.teamId, projectId: ctx.projectId! }, syncTrigger(caller, request));
    return { runId: run.id, status: run.status, alreadyRunning };
  }),
);

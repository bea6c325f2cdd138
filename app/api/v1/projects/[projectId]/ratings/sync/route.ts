import { requestRatingsSyncAction } from "@/lib/actions/defs/ratings";
import { syncRatings } from "@/lib/api/v1/ratings-endpoints";
import { v1Route, viaAction } from "@/lib/api/v1/route";

// The dashboard's "Sync ratings" action: same permission, same "nothing to sync" refusal, one run per project.
export const POST = v1Route(syncRatings, async ({ caller, input }) => {
  const { run, alreadyRunning } = await viaAction(requestRatingsSyncAction, caller, { projectId: input.projectId });
  return { runId: run.id, status: run.status, alreadyRunning };
});

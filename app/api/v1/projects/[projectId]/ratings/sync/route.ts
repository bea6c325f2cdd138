import { ratingsSyncStatus, syncRatings } from "@/lib/api/v1/ratings-endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { getRatingsSyncStatus, requestRatingsSync } from "@/lib/operations/ratings";

export const GET = v1Route(ratingsSyncStatus, getRatingsSyncStatus);

// The dashboard's "Sync ratings": same permission, same "nothing to sync" refusal, one run per project.
export const POST = v1Route(syncRatings, requestRatingsSync, {
  output: ({ run, alreadyRunning }) => ({ runId: run.id, status: run.status, alreadyRunning }),
});

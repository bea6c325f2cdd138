import "server-only";
export { queueScheduledReviewRuns } from "./schedule";
export { syncProjectReviews } from "./sync-project";

import "server-only";
export { reviewsSyncJob } from "./job";
export { queueScheduledReviewRuns } from "./schedule";
export { syncProjectReviews, projectsWithActiveIntegration } from "./sync-project";
export type { ReviewSyncCounters } from "./counters";

import "server-only";
export { backfillPlayReviews } from "./backfill-reviews";
export { importPlayRatings } from "./import-ratings";
export { queueScheduledPlayRuns } from "./schedule";
export { syncPlayReviews } from "./sync-reviews";
export type { PlayJobInput } from "./start";

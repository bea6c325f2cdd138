import "server-only";
// google_play_reviews_backfill: the monthly review exports (reviews/reviews_<package>_<YYYYMM>.csv) into the reviews
// table — the history the API's 7-day window cannot give. Run when a project connects (and on request); files already
// imported at their current generation are skipped. Exports are history: nothing here is announced.
import { toExportReview } from "@/lib/google/reports/reviews-export";
import { reviewsExportPrefix } from "@/lib/google/reports/object-names";
import type { PlayReview } from "@/lib/google/play/transform";
import type { JobResult } from "@/lib/sync/job";
import { runReportJob, type ReportJobSpec } from "./report-job";
import type { PlayJobInput } from "./start";
import { writePlayReviews } from "./write-reviews";

export const reviewExportsSpec: ReportJobSpec = {
  kind: "google_play_reviews_backfill",
  during: "review_export",
  prefix: reviewsExportPrefix,
  dimensions: [null],
  importer: (run, app) => ({
    async onBatch(records) {
      const reviews: PlayReview[] = [];
      let malformedRows = 0;
      let ratingsWithoutText = 0;
      for (const record of records) {
        const row = toExportReview(record);
        if (row.kind === "review") reviews.push(row.review);
        else if (row.kind === "no_text") ratingsWithoutText++;
        else malformedRows++;
      }
      const written = await writePlayReviews({ teamId: run.teamId, projectId: run.projectId, appId: app.appId, announce: false }, reviews, "if_newer");
      return { ...written, malformedRows, ratingsWithoutText };
    },
  }),
};

export function backfillPlayReviews(input: PlayJobInput): Promise<JobResult> {
  return runReportJob(reviewExportsSpec, input);
}

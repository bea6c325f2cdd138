import "server-only";
// google_play_ratings_sync: the monthly ratings exports (stats/ratings/ratings_<package>_<YYYYMM>_{country,overview}.csv)
// into app_store_ratings (store google_play, one row per country and day) and app_worldwide_ratings (the overview), then
// the app card's Play Console average, telling the team when it moved (an app's first import is history: not told). Daily by cron (the current month's files are rewritten daily, 1–2 days behind),
// on connect, and on request; files already imported at their generation are skipped.
import { ratingsExportPrefix } from "@/lib/google/reports/object-names";
import { toRatingsRow, type RatingsExportRow } from "@/lib/google/reports/ratings-export";
import type { JobResult } from "@/lib/sync/job";
import { notifyPlayRatingChange, type PlayRatingChange } from "./notify-play-rating-change";
import { runReportJob, type ReportJobSpec } from "./report-job";
import type { PlayJobInput } from "./start";
import { markLatestPlayRows, rollupPlayApp, writePlayCountryRatings, writePlayOverview } from "./write-ratings";

export const ratingsExportsSpec: ReportJobSpec<PlayRatingChange> = {
  kind: "google_play_ratings_sync",
  during: "ratings_export",
  prefix: ratingsExportPrefix,
  // Country files first, so each overview day can say how many countries it covers.
  dimensions: ["country", "overview"],
  importer: (run, app, file) => {
    const dimension = file.dimension === "overview" ? "overview" : "country";
    const target = { teamId: run.teamId, projectId: run.projectId, appId: app.appId };
    const countries = new Set<string>();
    return {
      async onBatch(records) {
        const rows: RatingsExportRow[] = [];
        let malformedRows = 0;
        let unknownCountryRows = 0;
        let rowsWithoutAverage = 0;
        for (const record of records) {
          const r = toRatingsRow(record, dimension);
          if (r.kind === "malformed") malformedRows++;
          else if (r.kind === "unknown_country") unknownCountryRows++;
          // No cumulative average that day: there is nothing to show (a NULL average would read as "gone").
          else if (r.row.totalAverage === null) rowsWithoutAverage++;
          else {
            rows.push(r.row);
            if (r.row.countryCode) countries.add(r.row.countryCode);
          }
        }
        const written = dimension === "country" ? await writePlayCountryRatings(target, rows) : await writePlayOverview(target, rows);
        return { ratingRows: written, malformedRows, unknownCountryRows, rowsWithoutAverage };
      },
      async finish() {
        await markLatestPlayRows(app.appId, [...countries]);
        return {};
      },
    };
  },
  afterApp: async (_run, app) => {
    const { average, previous, day } = await rollupPlayApp(app.appId);
    const moved = average !== null && previous !== null && average !== previous;
    return { delta: { appsRolledUp: average !== null ? 1 : 0 }, notice: moved ? { previous, average, day } : null };
  },
  announce: async (run, app, change) => ({ notifications: await notifyPlayRatingChange(run, app, change) }),
};

export function importPlayRatings(input: PlayJobInput): Promise<JobResult> {
  return runReportJob(ratingsExportsSpec, input);
}

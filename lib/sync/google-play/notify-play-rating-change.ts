import "server-only";
// app.rating_changed for an Android app: Play Console's cumulative average moved since the last import. Play gives no
// counts, so the news is the average itself (the App Store's is the rise in ratings). One per app and run: notify()
// dedupes on (type, app, run), so a retried step never tells twice.
import { notify } from "@/lib/notifications/notify";
import type { PlayApp, PlayRun } from "./start";

/** What changed on the card, as the rollup step recorded it (JSON-safe: a step's output). */
export interface PlayRatingChange {
  previous: number;
  average: number;
  /** YYYY-MM-DD of the overview day the new average is from. */
  day: string | null;
}

const asOf = (day: string | null) => (day ? ` as of ${new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" })}` : "");

/** Returns how many in-app notifications were written. */
export async function notifyPlayRatingChange(run: Pick<PlayRun, "runId" | "teamId" | "projectId">, app: Pick<PlayApp, "appId" | "name">, change: PlayRatingChange): Promise<number> {
  return notify({
    type: "app.rating_changed",
    teamId: run.teamId,
    projectId: run.projectId,
    appId: app.appId,
    syncRunId: run.runId,
    title: `${app.name}: ★ ${change.previous.toFixed(2)} → ${change.average.toFixed(2)} on Google Play`,
    body: `Play Console average (cumulative, all countries)${asOf(change.day)}. Google Play does not publish rating counts.`,
    link: `/dashboard/projects/${run.projectId}?app=${app.appId}`,
  });
}

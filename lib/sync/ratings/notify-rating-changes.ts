import "server-only";
import { notify } from "@/lib/notifications/notify";
import type { RollupChange } from "./worldwide-rollup";

const number = new Intl.NumberFormat("en-US");

/** One app.rating_changed per app and run (idempotent per run, so a retried step never notifies twice). */
export async function notifyRatingChanges(changes: readonly RollupChange[], runId: string): Promise<number> {
  let sent = 0;
  for (const c of changes) {
    const rise = c.count - (c.previousCount ?? 0);
    const since = c.deltaSince ? ` since ${new Date(`${c.deltaSince}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" })}` : "";
    const written = await notify({
      type: "app.rating_changed",
      teamId: c.teamId,
      projectId: c.projectId,
      appId: c.appId,
      syncRunId: runId,
      title: `${c.name}: +${number.format(rise)} ratings${since}`,
      body: `Now ★ ${c.average?.toFixed(2) ?? "–"} from ${number.format(c.count)} ratings worldwide.`,
      link: `/dashboard/projects/${c.projectId}?app=${c.appId}`,
    });
    if (written > 0) sent++;
  }
  return sent;
}

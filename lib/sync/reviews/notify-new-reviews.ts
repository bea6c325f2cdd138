import "server-only";
// app.review_new: the app's reviews still waiting to be announced, claimed by this run in the statement that
// reads them, so each inserted review is announced exactly once — by the run that inserted it, complete or not,
// or by the next run if that one stopped before its notify step.
import { db } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";
import type { AppToSync, RunContext } from "./run-context";

interface Claimed {
  id: string;
  rating: number;
  title: string | null;
  body: string;
  createdAt: Date;
}

/** Returns how many in-app notifications were written (0 when nothing was waiting). */
export async function notifyNewReviews(run: RunContext, app: Pick<AppToSync, "appId" | "name">): Promise<number> {
  // The UNION's second half reads the snapshot before the UPDATE: it finds only what an earlier attempt of this
  // same step claimed (a retry), never the rows claimed just now.
  const claimed = await db.$queryRaw<Claimed[]>`
    WITH claimed AS (
      UPDATE app_store_reviews SET announce_pending = false, announced_run_id = ${run.runId}::uuid
      WHERE app_id = ${app.appId}::uuid AND announce_pending
      RETURNING id::text, rating::int, title, body, created_at_in_store AS "createdAt"
    )
    SELECT * FROM claimed
    UNION ALL
    SELECT id::text, rating::int, title, body, created_at_in_store AS "createdAt" FROM app_store_reviews
    WHERE announced_run_id = ${run.runId}::uuid AND app_id = ${app.appId}::uuid`;
  if (claimed.length === 0) return 0;
  const newest = claimed.reduce((a, b) => (b.createdAt > a.createdAt || (b.createdAt.getTime() === a.createdAt.getTime() && b.id > a.id) ? b : a));
  // The stars of the announced reviews feed each member's star filter.
  const reviewStars = [...new Set(claimed.map((r) => r.rating))].sort((a, b) => a - b);
  const count = claimed.length;
  const text = [newest.title, newest.body].filter(Boolean).join(" — ");
  const snippet = text.length > 140 ? `${text.slice(0, 139)}…` : text;
  return notify({
    type: "app.review_new",
    teamId: run.teamId,
    projectId: run.projectId,
    appId: app.appId,
    syncRunId: run.runId,
    title: `${count} new review${count === 1 ? "" : "s"} for ${app.name}`,
    body: `${"★".repeat(newest.rating)} ${snippet}`,
    link: `/dashboard/reviews?project=${run.projectId}&app=${app.appId}&review=${newest.id}`,
    reviewStars,
  });
}

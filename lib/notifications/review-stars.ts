import "server-only";
import { db } from "@/lib/db";

/** The star values of the reviews an app's sync run brought in (for the per-user star filter). */
export async function reviewStarsOfRun(appId: string | null | undefined, syncRunId: string | null | undefined): Promise<number[] | null> {
  if (!appId || !syncRunId) return null;
  const run = await db.syncRun.findUnique({ where: { id: syncRunId }, select: { startedAt: true, createdAt: true } });
  if (!run) return null;
  const rows = await db.appStoreReview.findMany({
    where: { appId, ingestedAt: { gte: run.startedAt ?? run.createdAt } },
    distinct: ["rating"],
    select: { rating: true },
  });
  return rows.length ? rows.map((r) => r.rating).sort() : null;
}

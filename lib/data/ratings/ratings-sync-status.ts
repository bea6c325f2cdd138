import "server-only";
import type { ProjectAccess } from "@/lib/auth/access";
import { can } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { countSyncableAppleApps } from "../apps";
import { STALE_RUN_MINUTES, toSyncRunView } from "@/lib/sync/runs";
import type { RatingsSyncStatus } from "./types";

type SyncRunRow = NonNullable<Awaited<ReturnType<typeof db.syncRun.findFirst>>>;

/** Counters of a finished nightly run as this project saw them: its apps and snapshots of that day. */
async function projectShareOfSystemRun(ctx: ProjectAccess, run: SyncRunRow): Promise<Record<string, number>> {
  const progress = (run.progress ?? {}) as Record<string, unknown>;
  const day = typeof progress.snapshotDate === "string" ? progress.snapshotDate : (run.startedAt ?? run.createdAt).toISOString().slice(0, 10);
  const [share] = await db.$queryRaw<{ apps: number; rows: number; tombstones: number }[]>`
    SELECT count(DISTINCT app_id)::int AS apps,
      (count(*) FILTER (WHERE average_rating IS NOT NULL))::int AS rows,
      (count(*) FILTER (WHERE average_rating IS NULL))::int AS tombstones
    FROM app_store_ratings
    WHERE team_id = ${ctx.teamId}::uuid AND project_id = ${ctx.projectId}::uuid AND snapshot_date = ${day}::date`;
  const apple: Record<string, number> = {};
  const counters = (run.counters ?? {}) as Record<string, unknown>;
  // How many storefronts answered, and Apple's throttling, are facts about Apple, not about other tenants.
  for (const key of ["storefronts", "storefrontsFetched", "storefrontsNotAttempted", "throttleHits"]) if (typeof counters[key] === "number") apple[key] = counters[key];
  return { ...apple, apps: share?.apps ?? 0, rowsUpserted: share?.rows ?? 0, tombstones: share?.tombstones ?? 0 };
}

/** The project's ratings sync as the dashboard shows it: the run going now, the last finished one, who may start one. */
export async function ratingsSyncStatus(ctx: ProjectAccess): Promise<RatingsSyncStatus> {
  const projectOrSystem = { OR: [{ projectId: ctx.projectId }, { scope: "system" as const }] };
  const [active, last, appleApps] = await Promise.all([
    db.syncRun.findFirst({
      where: {
        kind: "app_store_ratings_sync",
        ...projectOrSystem,
        status: { in: ["queued", "running"] },
        createdAt: { gt: new Date(Date.now() - STALE_RUN_MINUTES * 60_000) },
      },
      orderBy: { createdAt: "desc" },
    }),
    db.syncRun.findFirst({
      where: { kind: "app_store_ratings_sync", ...projectOrSystem, status: { in: ["succeeded", "partial", "failed"] } },
      orderBy: { createdAt: "desc" },
    }),
    countSyncableAppleApps(ctx),
  ]);
  const canSync = can(ctx, "integrations:write");
  // The nightly run spans every team: show its state, progress and Apple-side figures, and in place of its
  // cross-tenant counts this project's own share of the day it snapshotted.
  const systemView = (run: SyncRunRow, counters: Record<string, unknown>) => ({ ...toSyncRunView(run), counters });
  return {
    active: active ? (active.scope === "system" ? systemView(active, {}) : toSyncRunView(active)) : null,
    last: last ? (last.scope === "system" ? systemView(last, await projectShareOfSystemRun(ctx, last)) : toSyncRunView(last)) : null,
    canSync,
    cannotSyncReason: canSync ? null : "Only team owners and admins can start a sync.",
    appleApps,
  };
}

import "server-only";
import type { AccessContext } from "@/lib/auth/access";
import { can } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { STALE_RUN_MINUTES, toSyncRunView } from "@/lib/sync/runs";
import type { RatingsSyncStatus } from "./types";

/** The project's ratings sync as the dashboard shows it: the run going now, the last finished one, who may start one. */
export async function ratingsSyncStatus(ctx: AccessContext): Promise<RatingsSyncStatus> {
  const projectOrSystem = { OR: [{ projectId: ctx.projectId! }, { scope: "system" as const }] };
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
    db.app.count({ where: { projectId: ctx.projectId!, teamId: ctx.teamId, platform: "apple", bundleId: { not: null } } }),
  ]);
  const canSync = can(ctx, "integrations:write");
  // The nightly run spans every team: show its state and progress, not its cross-tenant counters.
  const view = (run: NonNullable<typeof active>) => (run.scope === "system" ? { ...toSyncRunView(run), counters: {} } : toSyncRunView(run));
  return {
    active: active ? view(active) : null,
    last: last ? view(last) : null,
    canSync,
    cannotSyncReason: canSync ? null : "Only team owners and admins can start a sync.",
    appleApps,
  };
}

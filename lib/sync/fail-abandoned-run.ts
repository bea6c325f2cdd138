import "server-only";
import { db } from "@/lib/db";
import type { SyncKind } from "@/lib/sync/runs";

/**
 * When an Inngest function gives up after its retries, its sync_runs row would stay "running": end it as
 * failed with the reason, so the dashboard stops showing progress and says what happened.
 */
export async function failAbandonedRun(target: { runId: string } | { kind: SyncKind; scope: "system" }, error: string): Promise<number> {
  const where =
    "runId" in target
      ? { id: target.runId, status: { in: ["queued", "running"] as ("queued" | "running")[] } }
      : { kind: target.kind, scope: target.scope, status: { in: ["queued", "running"] as ("queued" | "running")[] } };
  const result = await db.syncRun.updateMany({ where, data: { status: "failed", error, finishedAt: new Date() } });
  return result.count;
}

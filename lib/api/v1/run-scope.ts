import "server-only";
import type { Scope } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { toSyncRunView, type SyncRunView } from "@/lib/sync/runs";

/**
 * The run and the team/project it belongs to, read once, so access is checked against that scope before the
 * run is shown (system-wide runs belong to no caller).
 */
export async function runWithScope(runId: string): Promise<{ scope: Scope; run: SyncRunView }> {
  const run = await db.syncRun.findUnique({ where: { id: runId } });
  if (!run?.teamId) throw new NotFoundError("Run");
  return { scope: run.projectId ? { projectId: run.projectId } : { teamId: run.teamId }, run: toSyncRunView(run) };
}

import "server-only";
import type { AccessContext } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { toSyncRunView, type SyncRunView } from "@/lib/sync/runs";

/** One sync run of the caller's team (and project, when the access is a project's). */
export async function getSyncRun(ctx: AccessContext, runId: string): Promise<SyncRunView> {
  const run = await db.syncRun.findFirst({ where: { id: runId, teamId: ctx.teamId, ...(ctx.level === "team" ? {} : { projectId: ctx.projectId }) } });
  if (!run) throw new NotFoundError("Run");
  return toSyncRunView(run);
}

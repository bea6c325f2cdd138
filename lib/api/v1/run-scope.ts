import "server-only";
import type { Scope } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

/** The team/project a run belongs to, so access is checked against it (system-wide runs belong to no caller). */
export async function runScope(runId: string): Promise<Scope> {
  const run = await db.syncRun.findUnique({ where: { id: runId }, select: { teamId: true, projectId: true } });
  if (!run?.teamId) throw new NotFoundError("Run");
  return run.projectId ? { projectId: run.projectId } : { teamId: run.teamId };
}

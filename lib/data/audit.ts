import "server-only";
import type { AccessContext } from "@/lib/auth/access";

/** Who acted, and in which team and (when the change belongs to one) project. */
export type AuditActor = Pick<AccessContext, "teamId" | "actorUserId" | "caller"> & { projectId?: string | null };
import { db } from "@/lib/db";

type Tx = Pick<typeof db, "auditLog">;

export async function writeAudit(
  ctx: AuditActor,
  entry: { action: string; targetType: string; targetId?: string | null; metadata?: Record<string, unknown> },
  tx: Tx = db,
) {
  await tx.auditLog.create({
    data: {
      teamId: ctx.teamId,
      projectId: ctx.projectId ?? null,
      actorUserId: ctx.actorUserId,
      actorApiKeyId: ctx.caller.kind === "apiKey" ? ctx.caller.apiKeyId : null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      metadata: (entry.metadata ?? {}) as object,
    },
  });
}

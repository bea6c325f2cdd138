import "server-only";
// The nightly fan-out: one queued run per project with an active integration (skipping projects already syncing).
import { db } from "@/lib/db";

export async function queueScheduledReviewRuns(): Promise<{ projectId: string; runId: string }[]> {
  const projects = await db.integration.findMany({ where: { enabled: true, provider: "app_store_connect" }, select: { projectId: true, teamId: true } });
  const queued: { projectId: string; runId: string }[] = [];
  for (const p of projects) {
    const runId = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`app_store_connect_reviews_sync:${p.projectId}`}))`;
      const active = await tx.syncRun.findFirst({
        where: { kind: "app_store_connect_reviews_sync", projectId: p.projectId, status: { in: ["queued", "running"] }, createdAt: { gt: new Date(Date.now() - 120 * 60_000) } },
        select: { id: true },
      });
      if (active) return null;
      const run = await tx.syncRun.create({
        data: { kind: "app_store_connect_reviews_sync", scope: "project", trigger: "schedule", teamId: p.teamId, projectId: p.projectId, status: "queued" },
        select: { id: true },
      });
      return run.id;
    });
    if (runId) queued.push({ projectId: p.projectId, runId });
  }
  return queued;
}

// Without Inngest, a delivery a dead process left open is picked up by the next event.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOwner } from "@/test/fixtures";
import { notify } from "./notify";
import { useConfig } from "@/test/config";
import { settleBackgroundWork } from "@/lib/jobs/dispatch";

describe("in-process resume", () => {
  // Other suites may have left open deliveries to receivers that are gone: let those fail fast too.
  useConfig({ deliveries: { backoffMs: [1], timeoutMs: 1_000 } });

  it("sends a stranded email delivery when the next event is scheduled", async () => {
    const owner = await createOwner("resume");
    const stranded = await db.notificationDelivery.create({
      data: {
        teamId: owner.teamId,
        eventType: "app.review_new",
        dedupeKey: `stranded:${owner.teamId}`,
        channel: "email",
        recipientKey: owner.userId,
        userId: owner.userId,
        status: "sending",
        attempts: 1,
        nextAttemptAt: new Date(Date.now() - 60 * 60_000),
        payload: { id: "x", type: "app.review_new", occurredAt: new Date().toISOString(), title: "Left behind", body: null, link: null, team: { id: owner.teamId, name: "t" }, project: null, app: null, syncRunId: null, data: {} },
      },
    });
    // Its process died mid-send an hour ago.
    await db.$executeRaw`UPDATE notification_deliveries SET updated_at = now() - interval '1 hour' WHERE id = ${stranded.id}::uuid`;
    await notify({ type: "sync.failed", teamId: owner.teamId, projectId: owner.projectId, title: "Ratings sync failed", dedupeKey: `next:${owner.teamId}` });
    await settleBackgroundWork();
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: stranded.id } })).toMatchObject({ status: "sent", attempts: 2 });
    expect((await db.emailOutbox.findMany({ where: { userId: owner.userId } })).map((m) => m.subject).sort()).toEqual(["Left behind", "Ratings sync failed"]);
  });
});

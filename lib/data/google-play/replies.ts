import "server-only";
// What the Play operations read and write around a call to Google: the project's Android apps (connection test) and
// a Play review's reply (stored only as Google kept it).
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { PlayTarget } from "./connections";

export async function listProjectAndroidApps(target: PlayTarget): Promise<Array<{ id: string; name: string; bundleId: string | null }>> {
  return db.app.findMany({
    where: { projectId: target.projectId, teamId: target.teamId, platform: "android" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, bundleId: true },
  });
}

export interface PlayReplyTarget {
  id: string;
  projectId: string;
  store: string;
  externalId: string;
  developerResponse: string | null;
  packageName: string | null;
}

/** A review of the team, with what a reply to Google needs; another team's review is not found. */
export async function loadPlayReplyTarget(teamId: string, reviewId: string): Promise<PlayReplyTarget> {
  const review = await db.appStoreReview.findFirst({
    where: { id: reviewId, teamId },
    select: { id: true, projectId: true, store: true, externalId: true, developerResponse: true, app: { select: { bundleId: true } } },
  });
  if (!review) throw new NotFoundError("Review");
  const { app, ...rest } = review;
  return { ...rest, packageName: app.bundleId };
}

/** Stores the reply Google kept (Play replies have no id and no review state: published when accepted). */
export async function storePlayReply(reviewId: string, reply: { text: string; at: Date }, byUserId: string | null) {
  await db.appStoreReview.update({
    where: { id: reviewId },
    data: { developerResponse: reply.text, developerResponseAt: reply.at, developerResponseState: "PUBLISHED", developerResponseId: null, respondedByUserId: byUserId, updatedAt: new Date() },
  });
}

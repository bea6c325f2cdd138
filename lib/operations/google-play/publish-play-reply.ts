import "server-only";
// Replying to a Google Play review. Google's reviews.reply creates the reply or replaces the existing one (Play has no
// delete). Google stays the source of truth: what is stored is the reply as Google kept it, and a refused reply
// changes nothing stored (the caller keeps its draft).
import { writeAudit } from "@/lib/data/audit";
import type { PlayActor } from "@/lib/data/google-play/connections";
import { loadPlayConnection } from "@/lib/data/google-play/credentials";
import { loadPlayReplyTarget, storePlayReply } from "@/lib/data/google-play/replies";
import { ConflictError, ValidationError } from "@/lib/errors";
import { createGoogleClients, type GoogleClientsConfig } from "@/lib/google/clients";
import { googleConfig } from "@/lib/google/config";
import { googleToAppError } from "@/lib/google/describe";
import { PLAY_MAX_REPLY_LENGTH } from "@/lib/google/play/transform";
import { unstorableCharacterMessage } from "@/lib/validation";

export { PLAY_MAX_REPLY_LENGTH };

/** The reply rules of a Play review, with the message a form shows; null when the text may be sent. */
export function playReplyProblem(text: string): string | null {
  if (text.trim() === "") return "Write a reply.";
  if (text.length > PLAY_MAX_REPLY_LENGTH) return `Google Play accepts at most ${PLAY_MAX_REPLY_LENGTH} characters (this reply has ${text.length}).`;
  return unstorableCharacterMessage(text, "The reply");
}

export interface PlayReplyResult {
  reviewId: string;
  /** The reply as Google kept it (HTML tags stripped). */
  reply: { text: string; at: string };
  /** A reply was there before and is replaced. */
  replaced: boolean;
}

export async function publishPlayReply(input: { teamId: string; reviewId: string; text: string; actor: PlayActor }, config: GoogleClientsConfig = googleConfig()): Promise<PlayReplyResult> {
  const problem = playReplyProblem(input.text);
  if (problem) throw new ValidationError(problem, { body: problem });
  const review = await loadPlayReplyTarget(input.teamId, input.reviewId);
  if (review.store !== "google_play") throw new ConflictError("This review is from the App Store: reply to it through App Store Connect.");
  if (!review.packageName) throw new ConflictError("The app has no package name: edit the Android app and enter it.");
  const connection = await loadPlayConnection(review.projectId, input.teamId);
  if (!connection) throw new ConflictError("Connect Google Play for this project (Integrations) before replying.");
  if (!connection.enabled) throw new ConflictError("The Google Play connection of this project is disabled. Enable it to reply.");

  let reply;
  try {
    reply = await createGoogleClients(connection.key, config).play.reply(review.packageName, review.externalId, input.text);
  } catch (error) {
    throw googleToAppError(error);
  }
  const at = reply.lastModified ? new Date(reply.lastModified) : new Date();
  await storePlayReply(review.id, { text: reply.text, at }, input.actor.actorUserId);
  const replaced = review.developerResponse !== null;
  await writeAudit(
    { teamId: input.teamId, projectId: review.projectId, ...input.actor },
    { action: replaced ? "review.reply_updated" : "review.reply_created", targetType: "review", targetId: review.id, metadata: { store: "google_play", length: input.text.length } },
  );
  return { reviewId: review.id, reply: { text: reply.text, at: at.toISOString() }, replaced };
}

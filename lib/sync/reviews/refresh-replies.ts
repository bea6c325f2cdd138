import "server-only";
// Replies follow Apple: pending ones are re-read by id (PENDING_PUBLISH → PUBLISHED), and one Apple listed the
// review without is read by id before it is cleared — a 404 is the confirmation that it is gone.
import { createAscStats } from "@/lib/apple/asc";
import { ascClientFor, loadIntegration } from "@/lib/data/integrations/credentials";
import { failureOf, type StepFailure } from "./fetch-pages";
import { clearReply, refreshReply, repliesToCheck } from "./reconcile";

export interface RepliesStepResult {
  pendingChecked: number;
  responsesRefreshed: number;
  responsesCleared: number;
  rateLimitWaits: number;
  retries: number;
  failure: StepFailure | null;
}

export async function refreshReplies(target: { teamId: string; projectId: string; appId: string; runKey: string }): Promise<RepliesStepResult> {
  const result: RepliesStepResult = { pendingChecked: 0, responsesRefreshed: 0, responsesCleared: 0, rateLimitWaits: 0, retries: 0, failure: null };
  const integration = await loadIntegration(target.projectId, target.teamId);
  if (!integration?.enabled) return result;
  const stats = createAscStats();
  const client = ascClientFor(integration.credentials, { stats });
  try {
    for (const reply of await repliesToCheck(target.appId, target.runKey)) {
      if (reply.state === "PENDING_PUBLISH") result.pendingChecked++;
      const current = await client.getResponse(reply.responseId);
      if (!current) {
        if (await clearReply(reply.id, reply.responseId)) result.responsesCleared++;
      } else if (await refreshReply(reply.id, current)) {
        result.responsesRefreshed++;
      }
    }
  } catch (error) {
    result.failure = failureOf(error);
  }
  result.rateLimitWaits = stats.rateLimitWaits;
  result.retries = stats.retries;
  return result;
}

import "server-only";
// Set-wise steps after an app's pagination completed, and the run's scratch-space cleanup.
import { db } from "@/lib/db";

/** Deletes the app's reviews that this complete run did not see at Apple; returns how many. */
export async function deleteUnseenReviews(appId: string, runKey: string): Promise<number> {
  // The set difference is computed once (hashed) and materialized: with the stale statistics of a table that
  // just grew by a whole app, a plain join re-ran it per stored review (20k reviews: 15 s).
  return db.$executeRaw`
    WITH gone AS MATERIALIZED (
      SELECT external_id FROM app_store_reviews WHERE app_id = ${appId}::uuid AND store = 'app_store'
      EXCEPT
      SELECT external_id FROM review_sync_seen WHERE run_key = ${runKey} AND app_id = ${appId}::uuid
    )
    DELETE FROM app_store_reviews r
    WHERE r.app_id = ${appId}::uuid AND r.store = 'app_store' AND r.external_id IN (SELECT external_id FROM gone)`;
}

export interface ReplyToCheck {
  id: string;
  responseId: string;
  state: "PUBLISHED" | "PENDING_PUBLISH" | null;
}

/** Stored replies to re-read by id: every pending one, and every one Apple listed the review without. */
export async function repliesToCheck(appId: string, runKey: string): Promise<ReplyToCheck[]> {
  return db.$queryRaw<ReplyToCheck[]>`
    SELECT r.id::text AS id, r.developer_response_id AS "responseId", r.developer_response_state::text AS state
    FROM app_store_reviews r
    WHERE r.app_id = ${appId}::uuid AND r.developer_response_id IS NOT NULL
      AND (r.developer_response_state = 'PENDING_PUBLISH' OR EXISTS (
        SELECT 1 FROM review_sync_seen s
        WHERE s.run_key = ${runKey} AND s.app_id = r.app_id AND s.external_id = r.external_id AND s.response_missing))
    ORDER BY r.created_at_in_store DESC`;
}

/** Clears a reply confirmed gone at Apple, only if it is still the one that was checked. */
export async function clearReply(reviewId: string, responseId: string): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE app_store_reviews SET developer_response = NULL, developer_response_at = NULL, developer_response_state = NULL,
      developer_response_id = NULL, responded_by_user_id = NULL, updated_at = now()
    WHERE id = ${reviewId}::uuid AND developer_response_id = ${responseId}`;
  return n > 0;
}

export async function refreshReply(reviewId: string, reply: { id: string; body: string; state: string; lastModifiedDate: string | null }): Promise<boolean> {
  const at = reply.lastModifiedDate ? new Date(reply.lastModifiedDate).toISOString() : null;
  const n = await db.$executeRaw`
    UPDATE app_store_reviews SET developer_response = ${reply.body}, developer_response_state = ${reply.state}::response_state,
      developer_response_at = COALESCE(${at}::timestamptz, developer_response_at), updated_at = now()
    WHERE id = ${reviewId}::uuid AND developer_response_id = ${reply.id}
      AND (developer_response, developer_response_state, developer_response_at)
        IS DISTINCT FROM (${reply.body}, ${reply.state}::response_state, COALESCE(${at}::timestamptz, developer_response_at))`;
  return n > 0;
}

export async function dropSeen(runKey: string): Promise<void> {
  await db.$executeRaw`DELETE FROM review_sync_seen WHERE run_key = ${runKey} OR created_at < now() - interval '2 days'`;
}

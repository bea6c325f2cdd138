import "server-only";
// One set-based statement per batch: Play reviews (from the API or a monthly export) upserted by review id into
// app_store_reviews under store = 'google_play'. A newer lastModified (an edit) replaces the review's text and stars;
// an older copy never does. Rows whose values do not change are not rewritten.
import { sqlPool } from "@/lib/db";
import type { PlayReview } from "@/lib/google/play/transform";
import { languagesOf } from "../reviews/write-page";

export interface PlayReviewTarget {
  teamId: string;
  projectId: string;
  appId: string;
  /** New reviews wait to be announced (app.review_new); false for an app's first sync and for exports (history). */
  announce: boolean;
}

/**
 * How a batch's reply state counts: "authoritative" (the Play API: no developerComment means no reply, so a reply
 * removed in Play Console is removed here) or "if_newer" (an export: a reply is taken only when newer than the stored
 * one, and a missing reply proves nothing).
 */
export type ReplySource = "authoritative" | "if_newer";

export interface PlayWriteResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

export async function writePlayReviews(target: PlayReviewTarget, reviews: readonly PlayReview[], replies: ReplySource): Promise<PlayWriteResult> {
  // The newest copy of an id wins within a batch too.
  const unique = [...reviews.reduce((m, r) => (m.get(r.id) && m.get(r.id)!.lastModified >= r.lastModified ? m : m.set(r.id, r)), new Map<string, PlayReview>()).values()];
  if (unique.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const languages = await languagesOf(target, unique.map((r) => ({ id: r.id, title: r.title, body: r.body, countryCode: null, languageHint: r.reviewerLanguage })), "google_play");
  const json = JSON.stringify(
    unique.map((r, i) => ({
      external_id: r.id,
      rating: r.rating,
      title: r.title,
      body: r.body,
      nickname: r.authorName,
      created_at: r.submittedAt ?? r.lastModified,
      modified_at: r.lastModified,
      reply_given: r.reply !== undefined,
      reply_text: r.reply?.text ?? null,
      reply_at: r.reply?.lastModified ?? null,
      language: languages[i],
    })),
  );
  const { rows } = await sqlPool().query<{ inserted: number; updated: number }>(
    `WITH input AS (
      SELECT * FROM json_to_recordset($4::json) AS t(external_id text, rating int, title text, body text, nickname text,
        created_at timestamptz, modified_at timestamptz, reply_given boolean, reply_text text, reply_at timestamptz, language text)
    ),
    merged AS (
      SELECT i.external_id,
        CASE WHEN n.newer THEN i.rating ELSE r.rating END AS rating,
        CASE WHEN n.newer THEN i.title ELSE r.title END AS title,
        CASE WHEN n.newer THEN i.body ELSE r.body END AS body,
        CASE WHEN n.newer THEN i.language ELSE r.language END AS language,
        CASE WHEN n.newer THEN i.modified_at ELSE r.store_modified_at END AS modified_at,
        -- The export has no author name: a name the API gave stays.
        COALESCE(i.nickname, r.reviewer_nickname) AS nickname,
        -- The API only knows the last change; the export knows the first submission: the earliest wins.
        LEAST(i.created_at, r.created_at_in_store) AS created_at,
        CASE WHEN p.take THEN i.reply_text ELSE r.developer_response END AS reply_text,
        CASE WHEN p.take THEN (CASE WHEN i.reply_text IS NULL THEN NULL ELSE COALESCE(i.reply_at, r.developer_response_at, now()) END)
          ELSE r.developer_response_at END AS reply_at,
        r.developer_response AS old_reply, r.responded_by_user_id AS old_by
      FROM input i
      LEFT JOIN LATERAL (
        SELECT * FROM app_store_reviews x WHERE x.app_id = $1::uuid AND x.store = 'google_play' AND x.external_id = i.external_id LIMIT 1
      ) r ON true
      CROSS JOIN LATERAL (SELECT r.id IS NULL OR r.store_modified_at IS NULL OR i.modified_at > r.store_modified_at AS newer) n
      CROSS JOIN LATERAL (
        SELECT CASE
          WHEN $6 = 'authoritative' THEN true
          ELSE i.reply_given AND i.reply_text IS NOT NULL
            AND (r.developer_response IS NULL OR r.developer_response_at IS NULL OR i.reply_at > r.developer_response_at)
        END AS take
      ) p
    ),
    written AS (
      INSERT INTO app_store_reviews AS r (
        team_id, project_id, app_id, store, external_id, rating, title, body, reviewer_nickname, country_code, territory,
        created_at_in_store, store_modified_at, developer_response, developer_response_at, developer_response_state,
        developer_response_id, responded_by_user_id, announce_pending, language)
      SELECT $2::uuid, $3::uuid, $1::uuid, 'google_play', external_id, rating, title, body, nickname, NULL, NULL,
        created_at, modified_at, reply_text, reply_at, CASE WHEN reply_text IS NULL THEN NULL ELSE 'PUBLISHED'::response_state END,
        NULL,
        -- A reply changed outside Starboard was written by nobody here.
        CASE WHEN reply_text IS NOT DISTINCT FROM old_reply THEN old_by ELSE NULL END,
        $5::boolean, language
      FROM merged
      ON CONFLICT (app_id, store, external_id) DO UPDATE SET
        rating = excluded.rating,
        title = excluded.title,
        body = excluded.body,
        language = excluded.language,
        store_modified_at = excluded.store_modified_at,
        reviewer_nickname = excluded.reviewer_nickname,
        created_at_in_store = excluded.created_at_in_store,
        developer_response = excluded.developer_response,
        developer_response_at = excluded.developer_response_at,
        developer_response_state = excluded.developer_response_state,
        responded_by_user_id = excluded.responded_by_user_id,
        updated_at = now()
      WHERE (r.rating, r.title, r.body, r.language, r.store_modified_at, r.reviewer_nickname, r.created_at_in_store,
          r.developer_response, r.developer_response_at, r.responded_by_user_id)
        IS DISTINCT FROM (excluded.rating, excluded.title, excluded.body, excluded.language, excluded.store_modified_at,
          excluded.reviewer_nickname, excluded.created_at_in_store, excluded.developer_response, excluded.developer_response_at,
          excluded.responded_by_user_id)
      RETURNING (xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`,
    [target.appId, target.teamId, target.projectId, json, target.announce, replies],
  );
  const { inserted, updated } = rows[0] ?? { inserted: 0, updated: 0 };
  return { inserted, updated, unchanged: unique.length - inserted - updated };
}

import "server-only";
// One set-based statement per page: upsert the reviews, record their ids as seen by this run.
import type { AscReview } from "@/lib/apple/asc";
import { detectReviewLanguages } from "@/lib/data/reviews/language";
import type { Store } from "@/lib/data/stores";
import { sqlPool } from "@/lib/db";

export interface PageTarget {
  teamId: string;
  projectId: string;
  appId: string;
  runKey: string;
  /** New reviews wait to be announced (app.review_new); false for an app's first sync, which is its history. */
  announce: boolean;
}

export interface PageWriteResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

function isoOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * Each review's language: the stored one while its text is as stored, detected for new or edited text (a
 * re-sync of an unchanged app detects nothing).
 */
export async function languagesOf(
  target: Pick<PageTarget, "appId">,
  reviews: readonly { id: string; title: string | null; body: string; countryCode: string | null; languageHint?: string | null }[],
  store: Store = "app_store",
): Promise<string[]> {
  // Looked up by the unique (app_id, store, external_id) index, one probe per listed id, and compared here: a join
  // against the page's JSON let the planner scan every stored review of the app for each page (quadratic over a sync).
  const { rows } = await sqlPool().query<{ external_id: string; language: string | null; title: string | null; body: string; country_code: string | null }>(
    `SELECT external_id, language, title, body, country_code FROM app_store_reviews
     WHERE app_id = $1::uuid AND store = $2 AND external_id = ANY($3::text[])`,
    [target.appId, store, reviews.map((r) => r.id)],
  );
  const byId = new Map(rows.map((r) => [r.external_id, r]));
  const stored = new Map<string, string>();
  for (const r of reviews) {
    const row = byId.get(r.id);
    if (row?.language && row.body === r.body && row.title === r.title && row.country_code === r.countryCode) stored.set(r.id, row.language);
  }
  const toDetect = reviews.filter((r) => !stored.has(r.id));
  const detected = await detectReviewLanguages(toDetect);
  toDetect.forEach((r, i) => stored.set(r.id, detected[i]));
  return reviews.map((r) => stored.get(r.id)!);
}

/** A listed page ready to be written: its reviews once each, with their languages. */
export interface PreparedReviewPage {
  reviews: readonly AscReview[];
  languages: readonly string[];
  keptIds: readonly string[];
}

/** The part of a page's write that does not touch its rows: a sync prepares the next page while this one is written. */
export async function prepareReviewPage(target: Pick<PageTarget, "appId">, page: readonly AscReview[], keptIds: readonly string[] = []): Promise<PreparedReviewPage> {
  const reviews = [...new Map(page.map((r) => [r.id, r])).values()];
  return { reviews, languages: reviews.length === 0 ? [] : await languagesOf(target, reviews), keptIds };
}

/**
 * Inserts new reviews and updates changed ones; rows whose columns are unchanged are not rewritten
 * (ON CONFLICT … WHERE … IS DISTINCT FROM). A review listed without its response keeps the stored reply:
 * Apple does not reliably include pending replies, so the refresh pass decides by reading the reply by id.
 * `keptIds`: reviews Apple listed in a form that cannot be stored — seen (so reconciliation keeps a stored copy),
 * never written.
 */
export async function writePreparedReviewPage(target: PageTarget, prepared: PreparedReviewPage): Promise<PageWriteResult> {
  const { reviews: unique, languages, keptIds } = prepared;
  if (unique.length === 0 && keptIds.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  // The page travels as one json parameter (no per-column arrays to encode) and is unpacked by PostgreSQL.
  const json = JSON.stringify(
    unique.map((r, i) => ({
      external_id: r.id,
      rating: r.rating,
      title: r.title,
      body: r.body,
      nickname: r.reviewerNickname || null,
      country_code: r.countryCode,
      territory: r.territory || null,
      created_at: isoOrNull(r.createdDate),
      response_id: r.response?.id ?? null,
      response_body: r.response?.body ?? null,
      response_state: r.response?.state ?? null,
      response_at: isoOrNull(r.response?.lastModifiedDate),
      language: languages[i],
    })),
  );
  const { rows } = await sqlPool().query<{ inserted: number; updated: number }>(
    `WITH input AS (
      SELECT * FROM json_to_recordset($5::json) AS t(external_id text, rating int, title text, body text, nickname text,
        country_code text, territory text, created_at timestamptz, response_id text, response_body text, response_state text,
        response_at timestamptz, language text)
    ),
    seen AS (
      INSERT INTO review_sync_seen (run_key, app_id, external_id, response_missing)
      SELECT $1, $2::uuid, external_id, response_id IS NULL FROM input
      ON CONFLICT (run_key, app_id, external_id) DO UPDATE SET response_missing = excluded.response_missing
    ),
    kept AS (
      INSERT INTO review_sync_seen (run_key, app_id, external_id, response_missing)
      SELECT $1, $2::uuid, k, false FROM unnest($6::text[]) AS k
      ON CONFLICT (run_key, app_id, external_id) DO NOTHING
    ),
    changed AS (
      -- Only new or different reviews reach the INSERT: unchanged rows are neither rewritten nor even locked.
      -- LATERAL … LIMIT 1: one unique-index probe per input row whatever the (often stale) statistics say.
      SELECT i.external_id, i.rating, i.title, i.body, i.nickname, i.country_code, i.territory, i.created_at, i.language,
        l.response_id, l.response_body, l.response_state, l.response_at
      FROM input i
      LEFT JOIN LATERAL (
        SELECT * FROM app_store_reviews x WHERE x.app_id = $2::uuid AND x.store = 'app_store' AND x.external_id = i.external_id LIMIT 1
      ) r ON true
      -- A reply the list still shows PENDING_PUBLISH after it was read PUBLISHED by id is the list lagging (a
      -- published reply never goes back to pending under the same id): the stored reply stands, as if not listed.
      CROSS JOIN LATERAL (
        SELECT CASE WHEN stale THEN NULL ELSE i.response_id END AS response_id, CASE WHEN stale THEN NULL ELSE i.response_body END AS response_body,
          CASE WHEN stale THEN NULL ELSE i.response_state END AS response_state, CASE WHEN stale THEN NULL ELSE i.response_at END AS response_at
        FROM (SELECT r.developer_response_id = i.response_id AND r.developer_response_state = 'PUBLISHED' AND i.response_state = 'PENDING_PUBLISH' AS stale) s
      ) l
      WHERE r.id IS NULL
        OR (r.rating, r.title, r.body, r.reviewer_nickname, r.country_code, r.territory, r.created_at_in_store)
          IS DISTINCT FROM (i.rating::smallint, i.title, i.body, i.nickname, i.country_code::varchar, i.territory::varchar, i.created_at)
        OR (l.response_id IS NOT NULL
          AND (r.developer_response, r.developer_response_at, r.developer_response_state::text, r.developer_response_id)
            IS DISTINCT FROM (l.response_body, l.response_at, l.response_state, l.response_id))
    ),
    written AS (
      INSERT INTO app_store_reviews AS r (
        team_id, project_id, app_id, store, external_id, rating, title, body, reviewer_nickname, country_code, territory,
        created_at_in_store, developer_response, developer_response_at, developer_response_state, developer_response_id, announce_pending, language)
      SELECT $3::uuid, $4::uuid, $2::uuid, 'app_store', external_id, rating, title, body,
        nickname, country_code, territory, created_at, response_body, response_at, response_state::response_state, response_id, $7::boolean, language
      FROM changed
      ON CONFLICT (app_id, store, external_id) DO UPDATE SET
        rating = excluded.rating,
        title = excluded.title,
        body = excluded.body,
        reviewer_nickname = excluded.reviewer_nickname,
        country_code = excluded.country_code,
        territory = excluded.territory,
        created_at_in_store = excluded.created_at_in_store,
        language = excluded.language,
        developer_response = CASE WHEN excluded.developer_response_id IS NULL THEN r.developer_response ELSE excluded.developer_response END,
        developer_response_at = CASE WHEN excluded.developer_response_id IS NULL THEN r.developer_response_at ELSE excluded.developer_response_at END,
        developer_response_state = CASE WHEN excluded.developer_response_id IS NULL THEN r.developer_response_state ELSE excluded.developer_response_state END,
        -- A reply with another id was made (or replaced) outside Starboard: nobody here wrote it.
        responded_by_user_id = CASE WHEN excluded.developer_response_id IS NULL OR excluded.developer_response_id = r.developer_response_id
          THEN r.responded_by_user_id ELSE NULL END,
        developer_response_id = COALESCE(excluded.developer_response_id, r.developer_response_id),
        updated_at = now()
      -- Re-checked here: a concurrent writer may have changed the row since the comparison above.
      WHERE (r.rating, r.title, r.body, r.reviewer_nickname, r.country_code, r.territory, r.created_at_in_store)
          IS DISTINCT FROM (excluded.rating, excluded.title, excluded.body, excluded.reviewer_nickname, excluded.country_code, excluded.territory, excluded.created_at_in_store)
        OR (excluded.developer_response_id IS NOT NULL
          AND (r.developer_response, r.developer_response_at, r.developer_response_state, r.developer_response_id)
            IS DISTINCT FROM (excluded.developer_response, excluded.developer_response_at, excluded.developer_response_state, excluded.developer_response_id))
      RETURNING (xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`,
    [target.runKey, target.appId, target.teamId, target.projectId, json, keptIds, target.announce],
  );
  const { inserted, updated } = rows[0] ?? { inserted: 0, updated: 0 };
  return { inserted, updated, unchanged: unique.length - inserted - updated };
}

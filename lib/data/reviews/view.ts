// What the browser sees of a review (no internal columns, no other team's data).
import type { Store } from "@/lib/data/stores";

export type ReplyState = "PUBLISHED" | "PENDING_PUBLISH";

export interface ReviewReply {
  id: string | null;
  body: string;
  state: ReplyState | null;
  at: string | null;
  /** Who replied from Starboard; null = made in App Store Connect (or by an agent key). */
  byUserName: string | null;
}

export interface ReviewView {
  id: string;
  projectId: string;
  appId: string;
  appName: string;
  store: Store;
  externalId: string;
  rating: number;
  title: string | null;
  body: string;
  reviewer: string | null;
  countryCode: string | null;
  /** Detected at ingest (ISO 639-1); null when the text does not tell. */
  language: string | null;
  createdAt: string;
  reply: ReviewReply | null;
}

export interface ReviewRow {
  id: string;
  project_id: string;
  app_id: string;
  app_name: string;
  store: Store;
  external_id: string;
  rating: number;
  title: string | null;
  body: string;
  reviewer_nickname: string | null;
  country_code: string | null;
  language: string | null;
  created_at_in_store: Date;
  developer_response: string | null;
  developer_response_id: string | null;
  developer_response_state: ReplyState | null;
  developer_response_at: Date | null;
  replier_name: string | null;
}

export function toReviewView(r: ReviewRow): ReviewView {
  return {
    id: r.id,
    projectId: r.project_id,
    appId: r.app_id,
    appName: r.app_name,
    store: r.store,
    externalId: r.external_id,
    rating: Number(r.rating),
    title: r.title,
    body: r.body,
    reviewer: r.reviewer_nickname,
    countryCode: r.country_code,
    language: r.language && r.language !== "und" ? r.language : null,
    createdAt: r.created_at_in_store.toISOString(),
    reply:
      r.developer_response !== null
        ? { id: r.developer_response_id, body: r.developer_response, state: r.developer_response_state, at: r.developer_response_at?.toISOString() ?? null, byUserName: r.replier_name }
        : null,
  };
}

// Pure: Android Publisher review documents → domain reviews. The same PlayReview comes out of the monthly CSV export
// (lib/google/reports/reviews-export.ts), so the sync writes both through one statement.
import { PLAY_MAX_REPLY_LENGTH, toStorableText } from "@/lib/validation";
import { rawReplyResultSchema, rawReviewSchema, rawReviewsPageSchema, type RawPlayReview } from "./schema";

/** Google Play shows at most about 350 characters of a developer reply and refuses longer ones. */
export { PLAY_MAX_REPLY_LENGTH };

export interface PlayReply {
  text: string;
  /** ISO 8601; null when Google did not say. */
  lastModified: string | null;
}

export interface PlayReview {
  id: string;
  /** The Play API gives the author's name; the CSV export does not (null). */
  authorName: string | null;
  rating: number;
  title: string | null;
  body: string;
  /** ISO 8601: when the review was last written or edited (an edit keeps the id and moves this on). */
  lastModified: string;
  /** ISO 8601 when the review was first submitted, if known (the export says; the API does not). */
  submittedAt: string | null;
  /** The reviewer's device language (BCP 47 such as "en" or "pt_BR"), not a country. */
  reviewerLanguage: string | null;
  appVersionName: string | null;
  /** null: no reply. undefined: this source does not tell (an export row without the reply columns). */
  reply: PlayReply | null | undefined;
}

export interface MalformedPlayReview {
  /** null when not even the id could be read. */
  id: string | null;
  reason: string;
}

export interface PlayReviewPage {
  reviews: PlayReview[];
  malformed: MalformedPlayReview[];
  nextPageToken: string | null;
}

/** { seconds: "1443676826", nanos: 713000000 } → ISO 8601; null when absent or unreadable. */
export function timestampToIso(ts: { seconds?: string | number; nanos?: number } | undefined | null): string | null {
  if (!ts || ts.seconds === undefined) return null;
  const seconds = Number(ts.seconds);
  if (!Number.isFinite(seconds)) return null;
  const ms = seconds * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A review with a title arrives as "Title\tBody": the first tab separates them. */
export function splitTitleBody(text: string): { title: string | null; body: string } {
  const tab = text.indexOf("\t");
  if (tab < 0) return { title: null, body: text.trim() };
  const title = text.slice(0, tab).trim();
  return { title: title === "" ? null : title, body: text.slice(tab + 1).trim() };
}

export const isMalformedPlayReview = (r: PlayReview | MalformedPlayReview): r is MalformedPlayReview => "reason" in r;

function storable(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const clean = toStorableText(text).trim();
  return clean === "" ? null : clean;
}

/** The review, or why it cannot be stored: a star rating outside 1–5 or a missing time is never guessed at. */
export function toPlayReview(raw: RawPlayReview): PlayReview | MalformedPlayReview {
  const comments = raw.comments ?? [];
  // comments[] mixes the user's comment and the developer's reply: pick each by kind, not by position.
  const user = comments.find((c) => c.userComment)?.userComment;
  const developer = comments.find((c) => c.developerComment)?.developerComment;
  const bad = (reason: string): MalformedPlayReview => ({ id: raw.reviewId, reason });
  if (!user) return bad("it has no user comment");
  const rating = user.starRating;
  if (typeof rating !== "number" || !Number.isInteger(rating) || rating < 1 || rating > 5) return bad(`starRating ${JSON.stringify(rating ?? null)} is not 1–5`);
  const lastModified = timestampToIso(user.lastModified);
  if (!lastModified) return bad("its lastModified is missing or not a time");
  // originalText is "" when the text was not translated: `||`, not `??`.
  const { title, body } = splitTitleBody(toStorableText(user.originalText || user.text || ""));
  const replyText = developer ? storable(developer.text) : null;
  return {
    id: raw.reviewId,
    authorName: storable(raw.authorName),
    rating,
    title,
    body,
    lastModified,
    submittedAt: null,
    reviewerLanguage: user.reviewerLanguage?.trim() || null,
    appVersionName: user.appVersionName?.trim() || null,
    reply: replyText === null ? null : { text: replyText, lastModified: timestampToIso(developer?.lastModified) },
  };
}

export function parseReviewsPage(json: unknown): PlayReviewPage {
  // Proto3 JSON omits empty fields: no reviews is {} (or not even tokenPagination).
  const doc = rawReviewsPageSchema.parse(json ?? {});
  const reviews: PlayReview[] = [];
  const malformed: MalformedPlayReview[] = [];
  for (const item of doc.reviews ?? []) {
    const parsed = rawReviewSchema.safeParse(item);
    if (!parsed.success) {
      const id = (item as { reviewId?: unknown } | null)?.reviewId;
      malformed.push({ id: typeof id === "string" && id ? id : null, reason: "not a Review object" });
      continue;
    }
    const review = toPlayReview(parsed.data);
    if (isMalformedPlayReview(review)) malformed.push(review);
    else reviews.push(review);
  }
  return { reviews, malformed, nextPageToken: doc.tokenPagination?.nextPageToken || null };
}

/** One review; one that cannot be stored as it is throws (the caller reports Google's odd answer). */
export function parseReviewDocument(json: unknown): PlayReview {
  const review = toPlayReview(rawReviewSchema.parse(json));
  if (isMalformedPlayReview(review)) throw new Error(`Google Play sent review ${review.id}, but ${review.reason}`);
  return review;
}

/** The reply as Google kept it (HTML stripped): what is stored after a successful reply. */
export function parseReplyResult(json: unknown, sent: string): PlayReply {
  const result = rawReplyResultSchema.parse(json ?? {}).result;
  return { text: toStorableText(result?.replyText ?? sent), lastModified: timestampToIso(result?.lastEdited) };
}

// Pure: one row of the monthly reviews export (reviews/reviews_<package>_<YYYYMM>.csv) → a PlayReview, the shape the
// Play API's reviews become too. Columns are read by header name; older files lack some of them.
import { toStorableText } from "@/lib/validation";
import type { PlayReview } from "../play/transform";
import type { ReportRecord } from "./csv";

export type ExportReviewRow =
  | { kind: "review"; review: PlayReview }
  /** A star rating without a title or text: not a written review (the API does not list these either). */
  | { kind: "no_text" }
  | { kind: "malformed"; reason: string };

const col = (record: ReportRecord, ...names: string[]): string | null => {
  for (const name of names) {
    const value = record[name];
    if (value !== undefined && value.trim() !== "") return value.trim();
  }
  return null;
};

/** Millis-since-epoch column first, the ISO date-time column otherwise; null when neither reads as a time. */
function timeOf(record: ReportRecord, millisColumn: string, isoColumn: string): string | null {
  const millis = col(record, millisColumn);
  if (millis && /^\d{9,15}$/.test(millis)) return new Date(Number(millis)).toISOString();
  const iso = col(record, isoColumn);
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The review id inside "Review Link" (…reviewId=gp%3AAOqp…); null when the link carries none. */
export function reviewIdFromLink(link: string | null): string | null {
  if (!link) return null;
  const match = /[?&#]reviewid=([^&#\s]+)/i.exec(link);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

export function toExportReview(record: ReportRecord): ExportReviewRow {
  const id = reviewIdFromLink(col(record, "review link"));
  const title = col(record, "review title");
  const text = col(record, "review text");
  const stars = col(record, "star rating");
  const rating = stars !== null && /^[1-5]$/.test(stars) ? Number(stars) : null;
  if (rating === null) return { kind: "malformed", reason: `star rating ${JSON.stringify(stars)} is not 1–5` };
  if (title === null && text === null) return { kind: "no_text" };
  if (!id) return { kind: "malformed", reason: "its Review Link carries no review id" };
  const submittedAt = timeOf(record, "review submit millis since epoch", "review submit date and time");
  const lastModified = timeOf(record, "review last update millis since epoch", "review last update date and time") ?? submittedAt;
  if (!lastModified) return { kind: "malformed", reason: "it has no readable submit or update time" };
  const replyText = col(record, "developer reply text");
  const cleanTitle = title === null ? null : toStorableText(title).trim() || null;
  return {
    kind: "review",
    review: {
      id,
      authorName: null,
      rating,
      title: cleanTitle,
      body: toStorableText(text ?? "").trim(),
      lastModified,
      submittedAt,
      reviewerLanguage: col(record, "reviewer language"),
      appVersionName: col(record, "app version name"),
      // An export without a reply does not prove the reply is gone (it may predate it): it tells nothing.
      reply: replyText ? { text: toStorableText(replyText), lastModified: timeOf(record, "developer reply millis since epoch", "developer reply date and time") } : undefined,
    },
  };
}

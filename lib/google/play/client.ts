// HTTP-only Android Publisher client for the Reply to Reviews API: list (paged by token, within the per-app read
// budget), get, reply. Payload mapping lives in transform.ts.
import { GoogleInvalidArgumentError, GoogleQuotaError, GoogleNotFoundError } from "../errors";
import type { PlayReadQuota } from "../quota";
import { QuotaWaitTooLongError } from "../quota";
import { decodeAnswer, googleRequest, type GoogleHttpOptions, type GoogleStats, type RequestContext } from "../request";
import type { GoogleTokenProvider } from "../token";
import { PLAY_MAX_REPLY_LENGTH, parseReplyResult, parseReviewDocument, parseReviewsPage, type PlayReply, type PlayReview, type PlayReviewPage } from "./transform";

export interface PlayReviewsClientOptions {
  tokens: GoogleTokenProvider;
  /** e.g. https://androidpublisher.googleapis.com */
  baseUrl: string;
  http: GoogleHttpOptions;
  /** The per-app read budget shared by the process. */
  quota: PlayReadQuota;
  stats?: GoogleStats;
}

export interface ListReviewsOptions {
  /** Page size; Google's default is 10, its maximum 100. */
  maxResults?: number;
  /** Resume from a nextPageToken returned earlier. */
  token?: string | null;
}

export interface PlayReviewsClient {
  /** Pages of reviews created or edited in the last 7 days, newest first, until Google gives no next token. */
  listReviews(packageName: string, options?: ListReviewsOptions): AsyncGenerator<PlayReviewPage, void, undefined>;
  /** null when Google has no such review (404). */
  getReview(packageName: string, reviewId: string): Promise<PlayReview | null>;
  /** Creates the reply or replaces the existing one; returns the reply as Google kept it. */
  reply(packageName: string, reviewId: string, text: string): Promise<PlayReply>;
}

const SERVICE = "Google Play Developer API" as const;

export function createPlayReviewsClient(o: PlayReviewsClientOptions): PlayReviewsClient {
  const base = `${o.baseUrl.replace(/\/+$/, "")}/androidpublisher/v3/applications`;

  function context(packageName: string): RequestContext {
    return { service: SERVICE, tokens: o.tokens, http: o.http, stats: o.stats, onQuotaExceeded: (ms) => o.quota.block(packageName, ms) };
  }

  /** A read waits for room in the package's hourly budget; a wait longer than the call may spend is a quota error. */
  async function read(packageName: string, url: string, operation: "reviews.list" | "reviews.get") {
    let waitedMs: number;
    try {
      ({ waitedMs } = await o.quota.acquire(packageName, o.http.maxQuotaWaitMs));
    } catch (error) {
      if (!(error instanceof QuotaWaitTooLongError)) throw error;
      throw new GoogleQuotaError(
        { service: SERVICE, operation, status: null, reason: "LOCAL_READ_BUDGET", message: `Starboard has used this app's hourly read budget (${o.quota.readsPerHour} reads an hour); room again in ${Math.ceil(error.waitMs / 1000)} s.` },
        Math.ceil(error.waitMs / 1000),
      );
    }
    if (o.stats && waitedMs > 0) {
      o.stats.quotaWaits++;
      o.stats.quotaWaitMs += waitedMs;
    }
    return googleRequest(context(packageName), url, { operation, waitedMs });
  }

  return {
    async *listReviews(packageName, options = {}) {
      let token = options.token ?? null;
      for (;;) {
        const q = new URLSearchParams({ maxResults: String(options.maxResults ?? 100) });
        if (token) q.set("token", token);
        const answer = await read(packageName, `${base}/${encodeURIComponent(packageName)}/reviews?${q}`, "reviews.list");
        const page = decodeAnswer(SERVICE, "reviews.list", parseReviewsPage, answer.json);
        yield page;
        // Stop on an empty page too: a token that leads nowhere must not loop.
        if (!page.nextPageToken || page.reviews.length + page.malformed.length === 0 || page.nextPageToken === token) return;
        token = page.nextPageToken;
      }
    },

    async getReview(packageName, reviewId) {
      try {
        const answer = await read(packageName, `${base}/${encodeURIComponent(packageName)}/reviews/${encodeURIComponent(reviewId)}`, "reviews.get");
        return decodeAnswer(SERVICE, "reviews.get", parseReviewDocument, answer.json);
      } catch (error) {
        if (error instanceof GoogleNotFoundError) return null;
        throw error;
      }
    },

    async reply(packageName, reviewId, text) {
      const local = (reason: string, message: string) => new GoogleInvalidArgumentError({ service: SERVICE, operation: "reviews.reply", status: null, reason, message });
      if (text.trim() === "") throw local("LOCAL_EMPTY", "The reply is empty.");
      if (text.length > PLAY_MAX_REPLY_LENGTH) throw local("LOCAL_TOO_LONG", `The reply has ${text.length} characters; Google Play accepts at most ${PLAY_MAX_REPLY_LENGTH}.`);
      const answer = await googleRequest(context(packageName), `${base}/${encodeURIComponent(packageName)}/reviews/${encodeURIComponent(reviewId)}:reply`, {
        operation: "reviews.reply",
        method: "POST",
        body: { replyText: text },
      });
      return decodeAnswer(SERVICE, "reviews.reply", (json) => parseReplyResult(json, text), answer.json);
    },
  };
}

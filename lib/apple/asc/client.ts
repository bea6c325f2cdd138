import "server-only";
// HTTP-only App Store Connect client: auth, retries, rate limits. Payload mapping lives in transform.ts.
import {
  AscAuthError,
  AscError,
  AscNotFoundError,
  AscRateLimitError,
  AscTransientError,
  AscValidationError,
  ascErrorFromResponse,
  parseRateLimitHeader,
  type AscTransientKind,
  type RateLimitInfo,
} from "./errors";
import { ASC_TIMINGS, type AscTimings } from "./timings";
import { createTokenProvider, processTokenCache, type AscCredentials, type AscTokenCache } from "./token";
import {
  parseAppsPage,
  parseResponseDocument,
  parseReviewDocument,
  parseReviewsPage,
  type AscApp,
  type AscReview,
  type AscReviewPage,
  type AscReviewResponse,
} from "./transform";
import { MAX_REPLY_LENGTH } from "@/lib/validation";
import { backoffDelay, isTimeoutError, sleep, stripUndefined } from "../http";
import type { ItunesPacer } from "../itunes/pacer";

/** The App Store shows at most this many characters of a developer response. */

export const REVIEW_FIELDS = "rating,title,body,reviewerNickname,createdDate,territory,response";
export const RESPONSE_FIELDS = "responseBody,lastModifiedDate,state";

export interface AscStats {
  requests: number;
  retries: number;
  rateLimitWaits: number;
  /** Milliseconds spent waiting on 429s. */
  rateLimitWaitMs: number;
  tokenRefreshes: number;
}

export function createAscStats(): AscStats {
  return { requests: 0, retries: 0, rateLimitWaits: 0, rateLimitWaitMs: 0, tokenRefreshes: 0 };
}

export interface AscClientOptions extends Partial<AscTimings> {
  credentials: AscCredentials;
  /** The API's origin: ASC_BASE_URL, e.g. https://api.appstoreconnect.apple.com. */
  baseUrl: string;
  /** Where minted tokens are kept for reuse; defaults to the process's cache. */
  tokenCache?: AscTokenCache;
  stats?: AscStats;
  /** Latest X-Rate-Limit numbers seen, for showing the remaining hourly budget. */
  onRateLimit?: (info: RateLimitInfo) => void;
  /** The key's shared pace (lib/apple/asc/pacing.ts); none = unpaced. */
  pacer?: ItunesPacer | null;
}

export interface ListReviewsOptions {
  /** Page size, 1–200. Default 200. */
  limit?: number;
  /** Resume from a links.next URL returned earlier. */
  startUrl?: string;
  territories?: string[];
  ratings?: number[];
  hasPublishedResponse?: boolean;
}

export interface AscClient {
  /** Every app the key can see (all pages). */
  listApps(): Promise<AscApp[]>;
  /** Pages of reviews, newest first, following links.next until the end. */
  listCustomerReviews(appId: string, options?: ListReviewsOptions): AsyncGenerator<AscReviewPage, void, undefined>;
  /** The review with its response if Apple includes it; null when Apple has no such review (404). */
  getReview(reviewId: string): Promise<AscReview | null>;
  /** The response by id; null when it no longer exists (404) — the reply was deleted. */
  getResponse(responseId: string): Promise<AscReviewResponse | null>;
  /** POST: creates the response, or replaces the existing one (Apple gives it a new id). */
  createOrReplaceResponse(reviewId: string, body: string): Promise<AscReviewResponse>;
  /** 204 on success; throws AscNotFoundError on 404, which callers may treat as already deleted. */
  deleteResponse(responseId: string): Promise<void>;
  /** The latest X-Rate-Limit numbers seen on any call. */
  readonly rateLimit: RateLimitInfo | null;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "DELETE";
  body?: unknown;
}

export interface RawResult {
  status: number;
  json: unknown;
}

/** One JSON call to App Store Connect: auth, pacing, retries of 429/5xx; a refusal is thrown as a typed AscError. */
export interface AscRequester {
  request(pathOrUrl: string, req?: RequestOptions): Promise<RawResult>;
  readonly rateLimit: RateLimitInfo | null;
}

export function createAscRequester(options: AscClientOptions): AscRequester {
  const cfg = { ...ASC_TIMINGS, ...stripUndefined(options) } as AscTimings & AscClientOptions;
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const origin = new URL(baseUrl).origin;
  const tokens = createTokenProvider(options.credentials, options.tokenCache ?? processTokenCache);
  const stats = options.stats;
  let rateLimit: RateLimitInfo | null = null;

  function resolve(pathOrUrl: string): string {
    const url = new URL(pathOrUrl, `${baseUrl}/`);
    // Never send the bearer token to a host other than the configured API (links.next comes from the network).
    if (url.origin !== origin) throw new AscError({ status: null, detail: `refusing to follow a link to ${url.origin}` }, "App Store Connect returned an unexpected link.");
    return url.toString();
  }

  async function request(pathOrUrl: string, req: RequestOptions = {}): Promise<RawResult> {
    const url = resolve(pathOrUrl);
    let transientAttempts = 0;
    let refreshedToken = false;
    let rateLimitWaited = 0;
    let rateLimitHits = 0;
    for (;;) {
      const token = await tokens.get();
      await options.pacer?.acquire();
      if (stats) stats.requests++;
      let res: Response;
      let text: string;
      try {
        res = await fetch(url, {
          method: req.method ?? "GET",
          headers: { authorization: `Bearer ${token}`, accept: "application/json", ...(req.body ? { "content-type": "application/json" } : {}) },
          body: req.body ? JSON.stringify(req.body) : undefined,
          signal: AbortSignal.timeout(cfg.timeoutMs),
        });
        text = await res.text();
      } catch (error) {
        options.pacer?.refund();
        const timedOut = isTimeoutError(error);
        const kind: AscTransientKind = timedOut ? "timeout" : "network";
        if (transientAttempts++ < cfg.maxRetries) {
          await retryPause(transientAttempts);
          continue;
        }
        throw new AscTransientError({ status: null, detail: timedOut ? `no answer within ${cfg.timeoutMs} ms` : "network error" }, kind);
      }

      const info = parseRateLimitHeader(res.headers.get("x-rate-limit"));
      if (info) {
        rateLimit = info;
        options.onRateLimit?.(info);
      }

      let json: unknown = undefined;
      let malformed = false;
      if (text.trim() !== "") {
        try {
          json = JSON.parse(text);
        } catch {
          malformed = true;
        }
      }

      if (res.ok && !malformed) {
        options.pacer?.onSuccess();
        return { status: res.status, json };
      }
      if (res.ok || (malformed && res.status >= 500)) {
        if (transientAttempts++ < cfg.maxRetries) {
          await retryPause(transientAttempts);
          continue;
        }
        throw new AscTransientError({ status: res.status, detail: "App Store Connect sent a response that is not valid JSON" }, "bad_response");
      }

      const error = ascErrorFromResponse(res.status, json, { rateLimit: res.headers.get("x-rate-limit"), retryAfter: res.headers.get("retry-after") });
      if (error instanceof AscAuthError && !refreshedToken) {
        // The cached token may have been revoked or the clock moved: one fresh token, one retry.
        refreshedToken = true;
        tokens.invalidate();
        if (stats) stats.tokenRefreshes++;
        continue;
      }
      if (error instanceof AscRateLimitError) {
        options.pacer?.onThrottle();
        const wait = error.retryAfterSeconds !== null ? error.retryAfterSeconds * 1000 : cfg.rateLimitBackoffMs * 2 ** rateLimitHits;
        rateLimitHits++;
        if (rateLimitWaited + wait <= cfg.maxRateLimitWaitMs) {
          rateLimitWaited += wait;
          if (stats) {
            stats.rateLimitWaits++;
            stats.rateLimitWaitMs += wait;
          }
          await sleep(wait);
          continue;
        }
        throw error;
      }
      if (error instanceof AscTransientError && transientAttempts++ < cfg.maxRetries) {
        await retryPause(transientAttempts);
        continue;
      }
      throw error;
    }
  }

  async function retryPause(attempt: number): Promise<void> {
    if (stats) stats.retries++;
    // attempt counts from 1 here; the first retry waits about backoffBaseMs.
    await sleep(backoffDelay(attempt - 1, cfg.backoffBaseMs, cfg.backoffMaxMs));
  }

  return {
    request,
    get rateLimit() {
      return rateLimit;
    },
  };
}

export function createAscClient(options: AscClientOptions): AscClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const requester = createAscRequester(options);
  const request = (pathOrUrl: string, req?: RequestOptions) => requester.request(pathOrUrl, req);

  async function orNull<T>(fn: () => Promise<T>): Promise<T | null> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof AscNotFoundError) return null;
      throw error;
    }
  }

  function reviewsUrl(appId: string, o: ListReviewsOptions): string {
    const q = new URLSearchParams({
      sort: "-createdDate",
      limit: String(o.limit ?? 200),
      include: "response",
      "fields[customerReviews]": REVIEW_FIELDS,
      "fields[customerReviewResponses]": RESPONSE_FIELDS,
    });
    if (o.territories?.length) q.set("filter[territory]", o.territories.join(","));
    if (o.ratings?.length) q.set("filter[rating]", o.ratings.join(","));
    if (o.hasPublishedResponse !== undefined) q.set("exists[publishedResponse]", String(o.hasPublishedResponse));
    return `/v1/apps/${encodeURIComponent(appId)}/customerReviews?${q}`;
  }

  return {
    get rateLimit() {
      return requester.rateLimit;
    },

    async listApps() {
      const apps: AscApp[] = [];
      let next: string | null = "/v1/apps?fields[apps]=name,bundleId&limit=200";
      while (next) {
        const page: ReturnType<typeof parseAppsPage> = decode(parseAppsPage, (await request(next)).json);
        apps.push(...page.apps);
        next = page.nextUrl;
      }
      return apps;
    },

    async *listCustomerReviews(appId, o = {}) {
      let next: string | null = o.startUrl ?? reviewsUrl(appId, o);
      while (next) {
        const page: AscReviewPage = decode((j) => parseReviewsPage(j, baseUrl), (await request(next)).json);
        yield page;
        next = page.nextUrl;
      }
    },

    getReview(reviewId) {
      const q = new URLSearchParams({ include: "response", "fields[customerReviews]": REVIEW_FIELDS, "fields[customerReviewResponses]": RESPONSE_FIELDS });
      return orNull(async () => decode(parseReviewDocument, (await request(`/v1/customerReviews/${encodeURIComponent(reviewId)}?${q}`)).json));
    },

    getResponse(responseId) {
      const q = new URLSearchParams({ "fields[customerReviewResponses]": `${RESPONSE_FIELDS},review` });
      return orNull(async () => decode(parseResponseDocument, (await request(`/v1/customerReviewResponses/${encodeURIComponent(responseId)}?${q}`)).json));
    },

    async createOrReplaceResponse(reviewId, body) {
      if (body.trim() === "") throw new AscValidationError({ status: null, code: "LOCAL.EMPTY", detail: "The reply is empty.", hint: "Write a reply before sending it." });
      if (body.length > MAX_REPLY_LENGTH) {
        throw new AscValidationError({ status: null, code: "LOCAL.TOO_LONG", detail: `The reply has ${body.length} characters; the App Store shows at most ${MAX_REPLY_LENGTH}.`, hint: `Shorten the reply to ${MAX_REPLY_LENGTH} characters or fewer.` });
      }
      const result = await request("/v1/customerReviewResponses", {
        method: "POST",
        body: {
          data: {
            type: "customerReviewResponses",
            attributes: { responseBody: body },
            relationships: { review: { data: { type: "customerReviews", id: reviewId } } },
          },
        },
      });
      const response = decode(parseResponseDocument, result.json);
      return { ...response, reviewId: response.reviewId ?? reviewId };
    },

    async deleteResponse(responseId) {
      await request(`/v1/customerReviewResponses/${encodeURIComponent(responseId)}`, { method: "DELETE" });
    },
  };
}

/** A 2xx body that is not the document we expect counts as a transient failure, not a crash. */
function decode<T>(parse: (json: unknown) => T, json: unknown): T {
  try {
    return parse(json);
  } catch {
    throw new AscTransientError({ status: 200, detail: "App Store Connect sent a document of an unexpected shape" }, "bad_response");
  }
}

// The one request loop of the Google clients: bearer token, retries for 5xx and network failures, one new token
// after a 401, 429 waited out within a budget. Payload mapping lives in each client's transforms.
import { backoffDelay, isTimeoutError, sleep } from "@/lib/apple/http";
import {
  GoogleAuthError,
  GoogleError,
  GoogleQuotaError,
  GoogleTransientError,
  googleErrorFromResponse,
  type GoogleOperation,
  type GoogleService,
  type GoogleTransientKind,
} from "./errors";
import type { GoogleTokenProvider } from "./token";

export interface GoogleStats {
  requests: number;
  retries: number;
  /** 429s waited out, and the ms spent waiting on them (and on the local hourly budget). */
  quotaWaits: number;
  quotaWaitMs: number;
  tokenRefreshes: number;
}

export function createGoogleStats(): GoogleStats {
  return { requests: 0, retries: 0, quotaWaits: 0, quotaWaitMs: 0, tokenRefreshes: 0 };
}

export interface GoogleHttpOptions {
  /** Per call, until the answer's headers (and, for JSON, its body). Default 30 s. */
  timeoutMs: number;
  /** Retries for 5xx, network errors, timeouts and unreadable JSON. Default 3. */
  maxRetries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Total time one call may spend waiting on 429s (and the local budget) before GoogleQuotaError. Default 60 s. */
  maxQuotaWaitMs: number;
  /** First 429 wait when Google sends no Retry-After; doubles each time. Default 5 s. */
  quotaBackoffMs: number;
}

export const GOOGLE_HTTP_DEFAULTS: GoogleHttpOptions = {
  timeoutMs: 30_000,
  maxRetries: 3,
  backoffBaseMs: 1_000,
  backoffMaxMs: 30_000,
  maxQuotaWaitMs: 60_000,
  quotaBackoffMs: 5_000,
};

export interface RequestContext {
  service: GoogleService;
  tokens: GoogleTokenProvider;
  http: GoogleHttpOptions;
  stats?: GoogleStats;
  /** Called on each 429 with the wait Google asked for (so a shared budget can stop other callers too). */
  onQuotaExceeded?: (waitMs: number) => void;
}

export interface RequestInit {
  operation: GoogleOperation;
  method?: "GET" | "POST";
  body?: unknown;
  /** Return the answer with its body unread (downloads); the caller streams it. */
  stream?: boolean;
  /** Already waited on the local budget for this call (counts against maxQuotaWaitMs). */
  waitedMs?: number;
}

export type GoogleAnswer = { status: number; json: unknown; response: null } | { status: number; json: null; response: Response };

export async function googleRequest(ctx: RequestContext, url: string, init: RequestInit): Promise<GoogleAnswer> {
  const { http, stats } = ctx;
  let transient = 0;
  let refreshed = false;
  let quotaWaited = init.waitedMs ?? 0;
  let quotaHits = 0;
  const fail = (status: number | null, message: string, kind: GoogleTransientKind) =>
    new GoogleTransientError({ service: ctx.service, operation: init.operation, status, message }, kind);

  for (;;) {
    const token = await ctx.tokens.get();
    if (stats) stats.requests++;
    let res: Response;
    let text = "";
    try {
      res = await fetch(url, {
        method: init.method ?? "GET",
        headers: { authorization: `Bearer ${token}`, accept: "application/json", ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
        // A download's body is streamed by the caller: only the wait for the answer itself is bounded here.
        signal: init.stream ? undefined : AbortSignal.timeout(http.timeoutMs),
      });
      if (!(init.stream && res.ok)) text = await res.text();
    } catch (error) {
      const timedOut = isTimeoutError(error);
      if (transient++ < http.maxRetries) {
        await pause(transient);
        continue;
      }
      throw fail(null, timedOut ? `no answer within ${http.timeoutMs} ms` : `could not reach ${new URL(url).host}`, timedOut ? "timeout" : "network");
    }
    if (init.stream && res.ok) return { status: res.status, json: null, response: res };

    let json: unknown = undefined;
    let malformed = false;
    if (text.trim() !== "") {
      try {
        json = JSON.parse(text);
      } catch {
        malformed = true;
        json = text;
      }
    }
    if (res.ok && !malformed) return { status: res.status, json, response: null };
    if (res.ok) {
      if (transient++ < http.maxRetries) {
        await pause(transient);
        continue;
      }
      throw fail(res.status, `${ctx.service} sent an answer that is not valid JSON`, "bad_response");
    }

    const error = googleErrorFromResponse(ctx.service, init.operation, res.status, json, { retryAfter: res.headers.get("retry-after") });
    if (error instanceof GoogleAuthError && !refreshed) {
      // The cached token may have expired early or been revoked: one new token, one retry.
      refreshed = true;
      ctx.tokens.invalidate();
      if (stats) stats.tokenRefreshes++;
      continue;
    }
    if (error instanceof GoogleQuotaError) {
      const wait = error.retryAfterSeconds !== null ? error.retryAfterSeconds * 1000 : http.quotaBackoffMs * 2 ** quotaHits;
      quotaHits++;
      ctx.onQuotaExceeded?.(wait);
      if (quotaWaited + wait <= http.maxQuotaWaitMs) {
        quotaWaited += wait;
        if (stats) {
          stats.quotaWaits++;
          stats.quotaWaitMs += wait;
        }
        await sleep(wait);
        continue;
      }
      throw error;
    }
    if (error instanceof GoogleTransientError && transient++ < http.maxRetries) {
      await pause(transient);
      continue;
    }
    throw error;
  }

  async function pause(attempt: number) {
    if (stats) stats.retries++;
    await sleep(backoffDelay(attempt - 1, http.backoffBaseMs, http.backoffMaxMs));
  }
}

/** A 2xx body that is not the document expected counts as a transient failure, not a crash. */
export function decodeAnswer<T>(service: GoogleService, operation: GoogleOperation, parse: (json: unknown) => T, json: unknown): T {
  try {
    return parse(json);
  } catch (error) {
    if (error instanceof GoogleError) throw error;
    throw new GoogleTransientError({ service, operation, status: 200, message: `${service} sent a document of an unexpected shape` }, "bad_response");
  }
}

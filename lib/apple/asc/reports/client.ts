import "server-only";
// HTTP client for GET /v1/salesReports and GET /v1/financeReports. Report files are gzip bytes, not JSON: the body
// is handed over as a stream (never buffered); errors still come as Apple's JSON error document.
// Configuration comes in through the factory (base URL, pacing, retries); nothing is read from the environment.
import { Readable } from "node:stream";
import { backoffDelay, isTimeoutError, sleep, stripUndefined } from "../../http";
import { AscAuthError, AscRateLimitError, AscTransientError, ascErrorFromResponse, parseRateLimitHeader, type RateLimitInfo } from "../errors";
import { ascKeyPacer } from "../pacing";
import { ASC_TIMINGS, type AscTimings } from "../timings";
import { createTokenProvider, processTokenCache, type AscCredentials, type AscTokenCache } from "../token";
import { classifyMissingReport, type ReportResponse } from "./outcomes";
import { financeReportSearch, salesReportSearch, type FinanceReportQuery, type SalesReportQuery } from "./query";

/** Timeouts, retries and 429 waits are the App Store Connect timings (until the response headers arrive, for timeoutMs). */
export interface ReportsClientConfig extends Partial<AscTimings> {
  /** e.g. https://api.appstoreconnect.apple.com (required: the caller passes the validated configuration). */
  baseUrl: string;
  /** For reading a whole file once its headers arrived. Default 5 min. */
  downloadTimeoutMs?: number;
  /** Report calls per minute per API key, shared by every client of the process for that key; 0 = no pacing. */
  callsPerMinute: number;
  /** Where minted tokens are kept for reuse; defaults to the process's cache (shared with the other ASC client). */
  tokenCache?: AscTokenCache;
}

export interface ReportsStats {
  requests: number;
  retries: number;
  rateLimitWaits: number;
  rateLimitWaitMs: number;
}

export function createReportsStats(): ReportsStats {
  return { requests: 0, retries: 0, rateLimitWaits: 0, rateLimitWaitMs: 0 };
}

export interface ReportsClient {
  salesReport(query: SalesReportQuery): Promise<ReportResponse>;
  financeReport(query: FinanceReportQuery): Promise<ReportResponse>;
  readonly rateLimit: RateLimitInfo | null;
}

const DEFAULTS = { ...ASC_TIMINGS, downloadTimeoutMs: 300_000 };

export function createReportsClient(credentials: AscCredentials, config: ReportsClientConfig, stats?: ReportsStats): ReportsClient {
  const cfg = { ...DEFAULTS, ...stripUndefined(config) } as typeof DEFAULTS & ReportsClientConfig;
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const tokens = createTokenProvider(credentials, config.tokenCache ?? processTokenCache);
  const pacer = ascKeyPacer(credentials.keyId, cfg.callsPerMinute);
  let rateLimit: RateLimitInfo | null = null;

  async function download(path: string, search: URLSearchParams): Promise<ReportResponse> {
    const url = `${baseUrl}${path}?${search}`;
    let transientAttempts = 0;
    let refreshedToken = false;
    let rateLimitWaited = 0;
    let rateLimitHits = 0;
    for (;;) {
      const token = await tokens.get();
      await pacer?.acquire();
      if (stats) stats.requests++;
      const controller = new AbortController();
      let timer = setTimeout(() => controller.abort(new DOMException("timed out", "TimeoutError")), cfg.timeoutMs);
      let res: Response;
      try {
        res = await fetch(url, {
          headers: { authorization: `Bearer ${token}`, accept: "application/a-gzip, application/json" },
          signal: controller.signal,
        });
      } catch (error) {
        clearTimeout(timer);
        pacer?.refund();
        if (transientAttempts++ < cfg.maxRetries) {
          await retryPause(transientAttempts);
          continue;
        }
        const timedOut = isTimeoutError(error);
        throw new AscTransientError({ status: null, detail: timedOut ? `no answer within ${cfg.timeoutMs} ms` : "network error" }, timedOut ? "timeout" : "network");
      }
      const info = parseRateLimitHeader(res.headers.get("x-rate-limit"));
      if (info) rateLimit = info;

      if (res.status === 200 && res.body) {
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(new DOMException("timed out", "TimeoutError")), cfg.downloadTimeoutMs);
        pacer?.onSuccess();
        const body = Readable.fromWeb(res.body as import("node:stream/web").ReadableStream<Uint8Array>);
        body.once("close", () => clearTimeout(timer));
        return { kind: "file", status: 200, body };
      }
      let json: unknown;
      try {
        const text = await res.text();
        json = text.trim() ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      } finally {
        clearTimeout(timer);
      }
      const error = ascErrorFromResponse(res.status, json, { rateLimit: res.headers.get("x-rate-limit"), retryAfter: res.headers.get("retry-after") });
      const parameter = (error.errors[0] as { source?: { parameter?: string } } | undefined)?.source?.parameter ?? null;
      const missing = classifyMissingReport(res.status, error.detail, parameter);
      if (missing) return { kind: missing, status: res.status, code: error.code, detail: error.detail ?? error.title };
      if (error instanceof AscAuthError && !refreshedToken) {
        refreshedToken = true;
        tokens.invalidate();
        continue;
      }
      if (error instanceof AscRateLimitError) {
        pacer?.onThrottle();
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
      if ((error instanceof AscTransientError || res.status === 200) && transientAttempts++ < cfg.maxRetries) {
        await retryPause(transientAttempts);
        continue;
      }
      if (res.status === 200) throw new AscTransientError({ status: 200, detail: "App Store Connect answered without a report file" }, "bad_response");
      throw error;
    }
  }

  async function retryPause(attempt: number): Promise<void> {
    if (stats) stats.retries++;
    await sleep(backoffDelay(attempt - 1, cfg.backoffBaseMs, cfg.backoffMaxMs));
  }

  return {
    get rateLimit() {
      return rateLimit;
    },
    salesReport: (query) => download("/v1/salesReports", salesReportSearch(query)),
    financeReport: (query) => download("/v1/financeReports", financeReportSearch(query)),
  };
}

import "server-only";
// HTTP-only iTunes Lookup client: chunking, pacing, retries. Payload shapes live in schema/transform.
import { ItunesRequestError, ItunesUnknownStorefrontError, type ItunesErrorKind } from "./errors";
import { backoffDelay, isTimeoutError, sleep, stripUndefined } from "../http";
import type { ItunesPacer } from "./pacer";
import { classifyLookup, parseLookupResponse, type ItunesApp, type LookupOutcome, type ParsedLookup } from "./transform";

export type LookupQuery =
  | { storefront: string; ids: readonly (number | string)[] }
  | { storefront: string; bundleIds: readonly string[] };

/** Counters a sync can report; pass one object and it is incremented in place. */
export interface ItunesStats {
  requests: number;
  throttled: number;
  retries: number;
  /** Results Apple sent whose trackId or bundleId could not be read. */
  unreadableResults: number;
}

export function createItunesStats(): ItunesStats {
  return { requests: 0, throttled: 0, retries: 0, unreadableResults: 0 };
}

export interface ItunesClientOptions {
  /** ITUNES_BASE_URL, e.g. https://itunes.apple.com. */
  baseUrl: string;
  /** Per HTTP call. Default 15 s. */
  timeoutMs?: number;
  /** Ids per call. Default 100. */
  chunkSize?: number;
  /** Retries after the first attempt, for throttling and transient failures. Default 4. */
  maxRetries?: number;
  /**
   * Retries when a call got no HTTP answer at all (DNS, refused, reset). Default 1: such a failure rarely heals
   * within seconds, and a run that keeps knocking on an unreachable Apple only delays telling the user.
   */
  maxNetworkRetries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** The pace of calls; the process shares one per rate (sharedItunesPacer). */
  pacer: ItunesPacer;
  stats?: ItunesStats;
  /** Called after every HTTP call (for logs/metrics). */
  onRequest?: (event: { storefront: string; status: number | null; attempt: number; durationMs: number }) => void;
}

const DEFAULTS = { timeoutMs: 15_000, chunkSize: 100, maxRetries: 4, maxNetworkRetries: 1, backoffBaseMs: 2_000, backoffMaxMs: 60_000 };
const NETWORK_RETRY_MS = 1_000;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface ItunesClient {
  /** All apps found, in Apple's order per chunk; absent apps are simply missing. */
  lookup(query: LookupQuery): Promise<ItunesApp[]>;
  /** One outcome per requested id/bundle id: found, no_ratings or not_sold. */
  lookupOutcomes(query: LookupQuery): Promise<Map<string, LookupOutcome>>;
}

export function createItunesClient(options: ItunesClientOptions): ItunesClient {
  const cfg = { ...DEFAULTS, ...stripUndefined(options) };
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const stats = options.stats;
  let bust = 0;

  async function callOnce(url: URL, storefront: string, attempt: number): Promise<ParsedLookup> {
    const started = Date.now();
    let status: number | null = null;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(cfg.timeoutMs), headers: { accept: "application/json" } });
      status = res.status;
      if (res.status === 400) throw new ItunesUnknownStorefrontError(storefront);
      if (res.status === 403 || res.status === 429) throw failure("throttled", res.status, storefront, attempt);
      if (res.status >= 500) throw failure("server", res.status, storefront, attempt);
      if (!res.ok) throw failure("http", res.status, storefront, attempt);
      const text = await res.text();
      try {
        return parseLookupResponse(JSON.parse(text));
      } catch {
        throw failure("bad_response", res.status, storefront, attempt);
      }
    } catch (error) {
      if (error instanceof ItunesRequestError) throw error;
      if (isTimeoutError(error)) throw failure("timeout", status, storefront, attempt);
      throw failure("network", status, storefront, attempt, networkDetail(error, url.host));
    } finally {
      options.onRequest?.({ storefront, status, attempt, durationMs: Date.now() - started });
    }
  }

  async function fetchChunk(storefront: string, param: "id" | "bundleId", values: readonly string[]): Promise<ParsedLookup> {
    const pacer = options.pacer;
    for (let attempt = 0; ; attempt++) {
      await pacer.acquire();
      const url = new URL(`${baseUrl}/lookup`);
      url.searchParams.set("country", storefront);
      url.searchParams.set("entity", "software");
      url.searchParams.set(param, values.join(","));
      // Apple's CDN caches lookups for hours; a unique parameter gets fresh numbers.
      url.searchParams.set("_cb", `${Date.now().toString(36)}${(bust++).toString(36)}`);
      if (stats) stats.requests++;
      try {
        const parsed = await callOnce(url, storefront, attempt + 1);
        pacer.onSuccess();
        if (stats) stats.unreadableResults += parsed.unreadable;
        return parsed;
      } catch (error) {
        if (!(error instanceof ItunesRequestError) || error instanceof ItunesUnknownStorefrontError) throw error;
        if (error.kind === "throttled") {
          if (stats) stats.throttled++;
          pacer.onThrottle();
        }
        // Apple never saw a call that got no answer at all: it does not spend the shared budget.
        if (error.kind === "network") pacer.refund();
        const retryable = error.kind !== "http";
        const limit = error.kind === "network" ? Math.min(cfg.maxRetries, cfg.maxNetworkRetries) : cfg.maxRetries;
        if (!retryable || attempt >= limit) throw error;
        if (stats) stats.retries++;
        // A refused connection is retried after a short pause, not the throttling backoff.
        const base = error.kind === "network" ? Math.min(cfg.backoffBaseMs, NETWORK_RETRY_MS) : cfg.backoffBaseMs;
        await sleep(backoffDelay(attempt, base, cfg.backoffMaxMs));
      }
    }
  }

  /** Each chunk's keys with its parsed answer. */
  async function lookupChunks(query: LookupQuery): Promise<{ keys: string[]; parsed: ParsedLookup }[]> {
    const storefront = query.storefront.trim().toLowerCase();
    const [param, keys] =
      "ids" in query ? (["id", query.ids.map(String)] as const) : (["bundleId", [...query.bundleIds]] as const);
    const unique = [...new Set(keys.map((k) => k.trim()).filter(Boolean))];
    const out: { keys: string[]; parsed: ParsedLookup }[] = [];
    // Sequential on purpose: the pacer decides the pace, and one storefront's chunks share it.
    for (const part of chunk(unique, cfg.chunkSize)) out.push({ keys: part, parsed: await fetchChunk(storefront, param, part) });
    return out;
  }

  return {
    async lookup(query) {
      return (await lookupChunks(query)).flatMap((c) => c.parsed.apps);
    },
    async lookupOutcomes(query) {
      const out = new Map<string, LookupOutcome>();
      // Per chunk: an unreadable result only casts doubt on the apps asked about in the same call.
      for (const { keys, parsed } of await lookupChunks(query)) {
        const asked = "ids" in query ? { ids: keys } : { bundleIds: keys };
        for (const [key, outcome] of classifyLookup(asked, parsed.apps, parsed.unreadable)) out.set(key, outcome);
      }
      return out;
    },
  };
}

function failure(kind: ItunesErrorKind, status: number | null, storefront: string, attempt: number, detail: string | null = null): ItunesRequestError {
  if (kind === "network") {
    return new ItunesRequestError(`iTunes Lookup unreachable for storefront "${storefront}" (${detail ?? "network error"})`, kind, status, storefront, attempt, detail);
  }
  const what = status ? `HTTP ${status}` : kind;
  return new ItunesRequestError(`iTunes Lookup failed for storefront "${storefront}" (${what})`, kind, status, storefront, attempt);
}

/**
 * fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, "other side closed", "bad port") is in
 * its cause. The host is added when the reason does not name it.
 */
function networkDetail(error: unknown, host: string): string {
  const cause = (error as { cause?: unknown })?.cause as { message?: unknown; code?: unknown; errors?: unknown } | undefined;
  // Several addresses tried (IPv4 and IPv6): an AggregateError whose message may be empty.
  const inner = Array.isArray(cause?.errors) ? (cause.errors[0] as { message?: unknown } | undefined) : undefined;
  const message =
    typeof cause?.message === "string" && cause.message
      ? cause.message
      : typeof inner?.message === "string"
        ? inner.message
        : typeof cause?.code === "string"
          ? cause.code
          : error instanceof Error
            ? error.message
            : "network error";
  return message.includes(host) || message.includes(host.replace(/:\d+$/, "")) ? message : `${message} (${host})`;
}

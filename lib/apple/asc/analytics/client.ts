import "server-only";
// Client for the Analytics Reports API (apple-reports.md §2): requests, reports, instances, segments over the
// App Store Connect requester (auth, retries, the key's shared pace), and segment downloads from their presigned
// URLs (no Authorization header: the URL carries its own, §2.7). Configuration comes in through the factory.
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import type { z } from "zod";
import { createAscRequester, type AscStats, type RequestOptions } from "../client";
import { AscConflictError, AscNotFoundError, AscTransientError } from "../errors";
import { ascKeyPacer } from "../pacing";
import type { AscTimings } from "../timings";
import { processTokenCache, type AscCredentials, type AscTokenCache } from "../token";
import { isTimeoutError } from "../../http";
import { AnalyticsChecksumError, AnalyticsDownloadError, AnalyticsUrlExpiredError } from "./errors";
import {
  instancesPageSchema,
  reportsPageSchema,
  requestDocumentSchema,
  requestsPageSchema,
  segmentsPageSchema,
  type AccessType,
  type AnalyticsInstance,
  type AnalyticsReport,
  type AnalyticsRequest,
  type AnalyticsSegment,
} from "./schema";

export interface AnalyticsClientConfig extends Partial<AscTimings> {
  baseUrl: string;
  /** App Store Connect calls per minute for this key, shared with the Sales and Finance reports; 0 = no pacing. */
  callsPerMinute: number;
  tokenCache?: AscTokenCache;
  /** For a whole segment file. Default 2 min. */
  downloadTimeoutMs?: number;
}

export type CreateRequestResult = { kind: "created"; request: AnalyticsRequest } | { kind: "exists" };

export interface AnalyticsClient {
  listRequests(appleId: string, accessType?: AccessType): Promise<AnalyticsRequest[]>;
  /** null when Apple has no such request (404). */
  getRequest(requestId: string): Promise<AnalyticsRequest | null>;
  /** 409 ("You already have such an entity") is `exists`; a 403 (no Admin role) is thrown as AscForbiddenError. */
  createRequest(appleId: string, accessType: AccessType): Promise<CreateRequestResult>;
  listReports(requestId: string): Promise<AnalyticsReport[]>;
  /** DAILY instances only: the filter is sent and checked on each item (weekly and monthly never mix in). */
  listDailyInstances(reportId: string): Promise<AnalyticsInstance[]>;
  /** null when the instance is gone (404, §2.10 P6). */
  listSegments(instanceId: string): Promise<AnalyticsSegment[] | null>;
  /** The gzip bytes, checked against the listed checksum and size. */
  downloadSegment(segment: AnalyticsSegment): Promise<Buffer>;
}

function decode<S extends z.ZodType>(schema: S, json: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AscTransientError({ status: 200, detail: `App Store Connect sent ${what} that does not parse: ${issue.path.join(".") || "(document)"}: ${issue.message}` }, "bad_response");
}

/**
 * The checksum's algorithm and what it covers are UNCONFIRMED (§2.7): it looks like the MD5 of the gzip bytes, so
 * that is checked first, and the MD5 of the text inside is accepted too.
 */
export function verifySegment(gz: Buffer, segment: Pick<AnalyticsSegment, "checksum" | "sizeInBytes">): void {
  const ofGzip = createHash("md5").update(gz).digest("hex");
  if (ofGzip === segment.checksum && (segment.sizeInBytes === null || segment.sizeInBytes === gz.length)) return;
  let ofText: string | null = null;
  try {
    ofText = createHash("md5").update(gunzipSync(gz)).digest("hex");
  } catch {
    ofText = null;
  }
  if (ofText === segment.checksum) return;
  throw new AnalyticsChecksumError(segment.checksum, ofGzip);
}

export function createAnalyticsClient(credentials: AscCredentials, config: AnalyticsClientConfig, stats?: AscStats): AnalyticsClient {
  const pacer = ascKeyPacer(credentials.keyId, config.callsPerMinute);
  const requester = createAscRequester({ ...config, credentials, tokenCache: config.tokenCache ?? processTokenCache, stats, pacer });
  const request = (pathOrUrl: string, req?: RequestOptions) => requester.request(pathOrUrl, req);
  const downloadTimeoutMs = config.downloadTimeoutMs ?? 120_000;

  async function all<T>(first: string, parse: (json: unknown) => { items: T[]; next: string | null }): Promise<T[]> {
    const items: T[] = [];
    let next: string | null = first;
    while (next) {
      const page: { items: T[]; next: string | null } = parse((await request(next)).json);
      items.push(...page.items);
      next = page.next;
    }
    return items;
  }

  async function orNull<T>(fn: () => Promise<T>): Promise<T | null> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof AscNotFoundError) return null;
      throw error;
    }
  }

  return {
    listRequests(appleId, accessType) {
      const q = new URLSearchParams({ limit: "200" });
      if (accessType) q.set("filter[accessType]", accessType);
      return all(`/v1/apps/${encodeURIComponent(appleId)}/analyticsReportRequests?${q}`, (j) => decode(requestsPageSchema, j, "a list of report requests"));
    },

    getRequest(requestId) {
      return orNull(async () => decode(requestDocumentSchema, (await request(`/v1/analyticsReportRequests/${encodeURIComponent(requestId)}`)).json, "a report request"));
    },

    async createRequest(appleId, accessType) {
      try {
        const res = await request("/v1/analyticsReportRequests", {
          method: "POST",
          body: { data: { type: "analyticsReportRequests", attributes: { accessType }, relationships: { app: { data: { type: "apps", id: appleId } } } } },
        });
        return { kind: "created", request: decode(requestDocumentSchema, res.json, "the created report request") };
      } catch (error) {
        if (error instanceof AscConflictError) return { kind: "exists" };
        throw error;
      }
    },

    listReports(requestId) {
      return all(`/v1/analyticsReportRequests/${encodeURIComponent(requestId)}/reports?limit=200`, (j) => decode(reportsPageSchema, j, "a list of reports"));
    },

    async listDailyInstances(reportId) {
      const q = new URLSearchParams({ "filter[granularity]": "DAILY", limit: "200" });
      const items = await all(`/v1/analyticsReports/${encodeURIComponent(reportId)}/instances?${q}`, (j) => decode(instancesPageSchema, j, "a list of report instances"));
      return items.filter((i) => i.granularity === "DAILY");
    },

    listSegments(instanceId) {
      return orNull(() => all(`/v1/analyticsReportInstances/${encodeURIComponent(instanceId)}/segments?limit=200`, (j) => decode(segmentsPageSchema, j, "a list of segments")));
    },

    async downloadSegment(segment) {
      let res: Response;
      let body: Buffer;
      try {
        res = await fetch(segment.url, { signal: AbortSignal.timeout(downloadTimeoutMs) });
        body = Buffer.from(await res.arrayBuffer());
      } catch (error) {
        throw new AnalyticsDownloadError(null, isTimeoutError(error) ? `no answer within ${downloadTimeoutMs} ms` : "network error");
      }
      if (res.status === 403) throw new AnalyticsUrlExpiredError(403, storageMessage(body));
      if (res.status !== 200) throw new AnalyticsDownloadError(res.status, storageMessage(body));
      verifySegment(body, segment);
      return body;
    },
  };
}

/** The storage's XML error message, or the start of the body. */
function storageMessage(body: Buffer): string {
  const text = body.subarray(0, 2000).toString("utf8");
  return /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? (text.trim().slice(0, 200) || "no detail given");
}

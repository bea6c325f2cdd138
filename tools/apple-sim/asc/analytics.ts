// The Analytics Reports API (apple-reports.md §2) as App Store Connect answers it: report requests (Admin to
// create, 409 when one exists), reports, instances, segments with presigned URLs, and the presigned downloads
// themselves (served here on loopback, expiring, refusing an Authorization header as S3 does). The pitfalls are
// data in the configuration (model/analytics/config.ts); the faults below are the ones a test switches per call.
import { z } from "zod";
import { defineFamily, type Call, type Endpoint, type Protocol } from "../endpoints";
import { appleError, readJson } from "../http";
import { defineFaults } from "../model/faults";
import type { AnalyticsConfigInput, SimInstance, SimReportRequest } from "../model/analytics";
import { ascProtocol, decodeOffset, encodeOffset, notFound, pageLimit, paramError, selfUrl, withParam, type AscContext } from "./protocol";

const E = {
  create: "asc.analyticsReportRequests.create",
  list: "asc.apps.analyticsReportRequests",
  get: "asc.analyticsReportRequests.get",
  reports: "asc.analyticsReportRequests.reports",
  instances: "asc.analyticsReports.instances",
  segments: "asc.analyticsReportInstances.segments",
  download: "analytics.segmentDownload",
} as const;

export const analyticsFaults = defineFaults({
  endpoints: [E.create, E.list, E.get, E.reports, E.instances, E.segments],
  data: {
    /** P5: 200 with data: [] and total 0 (on the request list: a list that lags behind a POST's 409). */
    empty_list: [E.instances, E.list],
    /** P6: the instance's segments answer 404. */
    segment_404: [E.segments],
    /** The listed checksum does not match the file. */
    bad_checksum: [E.segments],
  },
});

export const storageFaults = defineFaults({
  endpoints: [E.download],
  /** P13: the presigned URL has expired (403 from the storage). */
  data: { expired_url: [E.download] },
});

declare module "../model/faults" {
  interface SimFaultInputs {
    ascAnalytics: z.input<typeof analyticsFaults.schema>;
    analyticsStorage: z.input<typeof storageFaults.schema>;
  }
}

type Fault = ReturnType<typeof analyticsFaults.parse>;
type StorageFault = ReturnType<typeof storageFaults.parse>;

const forbidden = (call: Call, detail = "The API key in use does not allow this request") =>
  call.json(403, appleError(403, "FORBIDDEN_ERROR", "This request is forbidden for security reasons", detail));

function canRead(call: Call, { key }: AscContext): boolean {
  const a = call.sim.analytics;
  if (key.type === "individual" && !a.config.behaviours.individualKeysRead) return false;
  return call.sim.reports.rolesOf(key.keyId).some((r) => r === "ADMIN" || r === "SALES_AND_REPORTS" || r === "FINANCE");
}

const requestDoc = (call: Call, r: SimReportRequest) => ({
  type: "analyticsReportRequests",
  id: r.id,
  attributes: { accessType: r.accessType, stoppedDueToInactivity: r.stoppedDueToInactivity },
  relationships: { reports: { links: { related: `${call.baseUrl}/v1/analyticsReportRequests/${r.id}/reports` } } },
  links: { self: `${call.baseUrl}/v1/analyticsReportRequests/${r.id}` },
});

/** A page of a list with Apple's paging (limit ≤ 200, opaque cursor, links.next). */
function page<T>(call: Call, items: T[], doc: (item: T) => unknown): void {
  const limit = pageLimit(call);
  if (limit === null) return paramError(call, "limit", "'limit' must be between 1 and 200.");
  const offset = decodeOffset(call.url.searchParams.get("cursor"), call.sim.salt);
  if (offset === null) return paramError(call, "cursor", "The cursor is not valid.");
  const slice = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? withParam(call, "cursor", encodeOffset(offset + limit, call.sim.salt)) : undefined;
  call.json(200, { data: slice.map(doc), links: { self: selfUrl(call), ...(next ? { next } : {}) }, meta: { paging: { total: items.length, limit } } });
}

type AscEndpoint = Endpoint<AscContext, Fault>;

const endpoints: AscEndpoint[] = [
  {
    id: E.create,
    methods: ["POST"],
    path: /^\/v1\/analyticsReportRequests$/,
    async handle(call, ctx) {
      const body = z
        .object({ data: z.object({ type: z.literal("analyticsReportRequests"), attributes: z.object({ accessType: z.enum(["ONGOING", "ONE_TIME_SNAPSHOT"]) }), relationships: z.object({ app: z.object({ data: z.object({ type: z.literal("apps"), id: z.string() }) }) }) }) })
        .safeParse(await readJson(call.req).catch(() => null));
      if (!body.success) return call.json(422, appleError(422, "ENTITY_UNPROCESSABLE", "The request entity is not valid.", body.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")));
      const appleId = body.data.data.relationships.app.data.id;
      const accessType = body.data.data.attributes.accessType;
      if (!call.sim.reports.rolesOf(ctx.key.keyId).includes("ADMIN")) {
        call.sim.analytics.posts.push({ appleId, accessType, status: 403 });
        return forbidden(call, "An Admin role is required to request a new Analytics Report type.");
      }
      if (!call.sim.analytics.hasApp(appleId)) return notFound(call, "apps", appleId);
      const created = call.sim.analytics.create(appleId, accessType);
      if (created.status === 409) return call.json(409, appleError(409, "STATE_ERROR", "The request cannot be fulfilled because of the state of another resource.", "You already have such an entity"));
      call.json(201, { data: requestDoc(call, created.request), links: { self: `${call.baseUrl}/v1/analyticsReportRequests` } });
    },
  },
  {
    id: E.list,
    methods: ["GET"],
    path: /^\/v1\/apps\/([^/]+)\/analyticsReportRequests$/,
    handle(call, ctx) {
      if (!canRead(call, ctx)) return forbidden(call);
      const [appleId] = call.params;
      if (!call.sim.analytics.hasApp(appleId)) return notFound(call, "apps", appleId);
      const listed = call.fault?.kind === "empty_list" ? [] : call.sim.analytics.listed(appleId, call.url.searchParams.get("filter[accessType]"));
      page(call, listed, (r) => requestDoc(call, r));
    },
  },
  {
    id: E.get,
    methods: ["GET"],
    path: /^\/v1\/analyticsReportRequests\/([^/]+)$/,
    handle(call, ctx) {
      if (!canRead(call, ctx)) return forbidden(call);
      const request = call.sim.analytics.requests.get(call.params[0]);
      if (!request || request.ghost) return notFound(call, "analyticsReportRequests");
      call.json(200, { data: requestDoc(call, request), links: { self: selfUrl(call) } });
    },
  },
  {
    id: E.reports,
    methods: ["GET"],
    path: /^\/v1\/analyticsReportRequests\/([^/]+)\/reports$/,
    handle(call, ctx) {
      if (!canRead(call, ctx)) return forbidden(call);
      const request = call.sim.analytics.requests.get(call.params[0]);
      if (!request || request.ghost) return notFound(call, "analyticsReportRequests");
      const name = call.url.searchParams.get("filter[name]");
      const category = call.url.searchParams.get("filter[category]");
      const reports = call.sim.analytics.reportsOf(request).filter((r) => (name === null || r.name === name) && (category === null || r.category === category));
      page(call, reports, (r) => ({ type: "analyticsReports", id: r.id, attributes: { name: r.name, category: r.category }, links: { self: `${call.baseUrl}/v1/analyticsReports/${r.id}` } }));
    },
  },
  {
    id: E.instances,
    methods: ["GET"],
    path: /^\/v1\/analyticsReports\/([^/]+)\/instances$/,
    handle(call, ctx) {
      if (!canRead(call, ctx)) return forbidden(call);
      const analytics = call.sim.analytics;
      if (!analytics.report(call.params[0])) return notFound(call, "analyticsReports");
      const granularity = call.url.searchParams.get("filter[granularity]");
      const processingDate = call.url.searchParams.get("filter[processingDate]");
      const all = call.fault?.kind === "empty_list" ? [] : analytics.instances(call.params[0]);
      analytics.remember(all);
      const shown = all.filter((i) => (granularity === null || i.granularity === granularity) && (processingDate === null || i.processingDate === processingDate));
      page(call, shown, (i: SimInstance) => ({
        type: "analyticsReportInstances",
        id: i.id,
        attributes: { granularity: i.granularity, processingDate: i.processingDate },
        relationships: { segments: { links: { related: `${call.baseUrl}/v1/analyticsReportInstances/${i.id}/segments` } } },
      }));
    },
  },
  {
    id: E.segments,
    methods: ["GET"],
    path: /^\/v1\/analyticsReportInstances\/([^/]+)\/segments$/,
    handle(call, ctx) {
      if (!canRead(call, ctx)) return forbidden(call);
      const analytics = call.sim.analytics;
      const instance = analytics.instance(call.params[0]);
      if (!instance || analytics.isGone(instance) || call.fault?.kind === "segment_404") return notFound(call, "analyticsReportInstances");
      const issuedAt = Date.now();
      const segments = Array.from({ length: analytics.config.segmentsPerInstance }, (_, n) => {
        const file = analytics.segmentFile(instance, n)!;
        const id = `${instance.id}.${n}`;
        const checksum = call.fault?.kind === "bad_checksum" ? "0".repeat(32) : file.checksum;
        const url = `${call.baseUrl}/analytics-files/${id}/${n}.csv.gz?X-Amz-Date=${issuedAt}&X-Amz-Expires=${Math.ceil(analytics.config.urlTtlMs / 1000)}&X-Amz-Signature=${analytics.sign(id, issuedAt)}`;
        return { id, checksum, sizeInBytes: file.gz.length, url };
      });
      page(call, segments, (s) => ({ type: "analyticsReportSegments", id: s.id, attributes: { checksum: s.checksum, sizeInBytes: s.sizeInBytes, url: s.url } }));
    },
  },
];

const s3Error = (call: Call, status: number, code: string, message: string) =>
  call.text(status, `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`, { "content-type": "application/xml" });

/** The storage behind the presigned URLs: no bearer token, its own signature and expiry. */
const storageProtocol: Protocol<object> = {
  failure(call, kind) {
    const status = kind === "agreement" ? 403 : Number(kind);
    s3Error(call, status, status === 503 ? "SlowDown" : status === 403 ? "AccessDenied" : "InternalError", "Injected failure");
  },
  truncated: "\x1f\x8b",
  admit(call) {
    if (call.req.headers.authorization) {
      s3Error(call, 400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified");
      return null;
    }
    return {};
  },
};

const download: Endpoint<object, StorageFault> = {
  id: E.download,
  methods: ["GET"],
  path: /^\/analytics-files\/([^/]+)\/\d+\.csv\.gz$/,
  handle(call) {
    const analytics = call.sim.analytics;
    const [segmentId] = call.params;
    const issuedAt = Number(call.url.searchParams.get("X-Amz-Date"));
    if (call.url.searchParams.get("X-Amz-Signature") !== analytics.sign(segmentId, issuedAt)) return s3Error(call, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    if (call.fault?.kind === "expired_url" || Date.now() > issuedAt + analytics.config.urlTtlMs) return s3Error(call, 403, "AccessDenied", "Request has expired");
    const dot = segmentId.lastIndexOf(".");
    const instance = analytics.instance(segmentId.slice(0, dot));
    const file = instance ? analytics.segmentFile(instance, Number(segmentId.slice(dot + 1))) : null;
    if (!file) return s3Error(call, 404, "NoSuchKey", "The specified key does not exist.");
    call.bytes(200, file.gz, { "content-type": "application/octet-stream" });
  },
};

export const analyticsFamily = defineFamily({
  name: "asc.analytics",
  protocol: ascProtocol,
  faults: analyticsFaults,
  endpoints,
  control: {
    "GET /analytics": (sim) => sim.analytics.summary(),
    /** Merges a partial analytics configuration (behaviours field by field). */
    "POST /analytics": (sim, { body }) => sim.analytics.update((body ?? {}) as AnalyticsConfigInput),
  },
});

export const analyticsStorageFamily = defineFamily({ name: "analytics.storage", protocol: storageProtocol, faults: storageFaults, endpoints: [download] });

// /v1/* shaped like api.appstoreconnect.apple.com: JWT checks, JSON:API documents, rate-limit headers.
import type { IncomingMessage, ServerResponse } from "node:http";
import { decodeProtectedHeader, jwtVerify, type JWTPayload } from "jose";
import { appleError, readJson, sendJson, sendText } from "./http";
import type { SimEndpoint } from "./scenario";
import { ReviewCursorError, type SimKey, type SimResponse, type SimReview, type SimState } from "./state";

const REVIEW_FIELDS = ["rating", "title", "body", "reviewerNickname", "createdDate", "territory", "response"];
const RESPONSE_FIELDS = ["responseBody", "lastModifiedDate", "state", "review"];

interface Route {
  endpoint: SimEndpoint;
  method: string;
  pattern: RegExp;
}

const ROUTES: Route[] = [
  { endpoint: "asc.apps", method: "GET", pattern: /^\/v1\/apps$/ },
  { endpoint: "asc.reviews", method: "GET", pattern: /^\/v1\/apps\/([^/]+)\/customerReviews$/ },
  { endpoint: "asc.review", method: "GET", pattern: /^\/v1\/customerReviews\/([^/]+)$/ },
  { endpoint: "asc.review.response", method: "GET", pattern: /^\/v1\/customerReviews\/([^/]+)\/response$/ },
  { endpoint: "asc.response.create", method: "POST", pattern: /^\/v1\/customerReviewResponses$/ },
  { endpoint: "asc.response.get", method: "GET", pattern: /^\/v1\/customerReviewResponses\/([^/]+)$/ },
  { endpoint: "asc.response.delete", method: "DELETE", pattern: /^\/v1\/customerReviewResponses\/([^/]+)$/ },
];

type Auth = { key: SimKey } | { error: string };

async function authenticate(sim: SimState, header: string | undefined): Promise<Auth> {
  const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : null;
  if (!token) return { error: "Authentication credentials are missing or invalid." };
  let kid: string | undefined;
  try {
    const h = decodeProtectedHeader(token);
    if (h.alg !== "ES256") return { error: "The token must be signed with ES256." };
    kid = h.kid;
  } catch {
    return { error: "The token is not a JWT." };
  }
  const key = kid ? sim.getKey(kid) : undefined;
  if (!key) return { error: "No key matches the token's kid." };
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key.publicKey, { algorithms: ["ES256"], audience: "appstoreconnect-v1" }));
  } catch {
    return { error: "The token signature, audience or expiry is invalid." };
  }
  if (typeof payload.iat !== "number" || typeof payload.exp !== "number") return { error: "iat and exp are required." };
  if (payload.exp - payload.iat > 20 * 60) return { error: "The token lifetime must not exceed 20 minutes." };
  if (key.type === "team" && (!payload.iss || payload.iss !== key.issuerId)) return { error: "The issuer does not match the key." };
  if (key.type === "individual" && (payload.sub !== "user" || payload.iss !== undefined)) {
    return { error: "Individual keys need sub \"user\" and no iss." };
  }
  return { key };
}

export async function handleAsc(sim: SimState, req: IncomingMessage, res: ServerResponse, url: URL, baseUrl: string): Promise<void | "hang"> {
  const method = req.method ?? "GET";
  let match: RegExpExecArray | null = null;
  const route = ROUTES.find((r) => r.method === method && (match = r.pattern.exec(url.pathname)));
  const endpoint = route?.endpoint ?? "asc.unknown";
  let keyId: string | undefined;
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}, fault?: string) => {
    sim.record({ method, path: url.pathname, endpoint, status, keyId, fault: fault as never });
    if (status === 204) {
      res.writeHead(204, headers);
      res.end();
      return;
    }
    sendJson(res, status, body, headers);
  };
  if (!route || !match) return reply(404, appleError(404, "NOT_FOUND", "The specified resource does not exist", `The path ${url.pathname} could not be found.`));
  const param = decodeURIComponent((match as RegExpExecArray)[1] ?? "");

  const fault = sim.takeFault(route.endpoint, { app: route.endpoint === "asc.reviews" ? param : undefined });
  if (fault && fault.kind !== "stale_pending" && fault.kind !== "non_numeric" && fault.kind !== "unreadable_review") {
    switch (fault.kind) {
      case "unreachable":
        sim.record({ method, path: url.pathname, endpoint, status: 0, fault: "unreachable" });
        req.socket.destroy();
        return;
      case "timeout":
        sim.record({ method, path: url.pathname, endpoint, status: 0, fault: "timeout" });
        return "hang";
      case "malformed":
        sim.record({ method, path: url.pathname, endpoint, status: 200, fault: "malformed" });
        return sendText(res, 200, '{"data":[{"type":"customerReviews","id":');
      case "401":
        return reply(401, appleError(401, "NOT_AUTHORIZED", "Authentication credentials are missing or invalid.", "Provide a properly configured and signed bearer token, and make sure that it has not expired."), {}, fault.kind);
      case "403":
        return reply(403, appleError(403, "FORBIDDEN_ERROR", "This request is forbidden for security reasons", "The API key in use does not allow this request"), {}, fault.kind);
      case "agreement":
        return reply(403, appleError(403, "FORBIDDEN.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED", "A required agreement is missing or has expired.", "This request requires an in-effect agreement that has not been signed or has expired."), {}, fault.kind);
      case "429":
        return reply(429, appleError(429, "RATE_LIMIT_EXCEEDED", "The request rate limit has been reached.", "We've received too many requests for this API. Please wait and try again or slow down your request rate."), { "x-rate-limit": "user-hour-lim:3600;user-hour-rem:0;", ...(fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {}) }, fault.kind);
      default:
        return reply(Number(fault.kind), appleError(Number(fault.kind), "UNEXPECTED_ERROR", "An unexpected error occurred.", "An unexpected error occurred on the server side. If this issue continues, contact us at https://developer.apple.com/contact/."), {}, fault.kind);
    }
  }

  const auth = await authenticate(sim, req.headers.authorization);
  if ("error" in auth) {
    return reply(401, appleError(401, "NOT_AUTHORIZED", "Authentication credentials are missing or invalid.", `Provide a properly configured and signed bearer token, and make sure that it has not expired. ${auth.error}`));
  }
  const key = auth.key;
  keyId = key.keyId;
  const budget = sim.spendKeyBudget(key);
  const rl = { "x-rate-limit": `user-hour-lim:${budget.limit};user-hour-rem:${budget.remaining};` };
  if (budget.exceeded) {
    return reply(429, appleError(429, "RATE_LIMIT_EXCEEDED", "The request rate limit has been reached.", "We've received too many requests for this API. Please wait and try again or slow down your request rate."), rl);
  }
  const notFound = (what: string) => reply(404, appleError(404, "NOT_FOUND", "The specified resource does not exist", `There is no resource of type '${what}' with id '${param}'`), rl);
  const selfUrl = `${baseUrl}${url.pathname}${url.search}`;

  const reviewFields = fieldList(url, "customerReviews", REVIEW_FIELDS);
  const responseFields = fieldList(url, "customerReviewResponses", RESPONSE_FIELDS);
  const includeResponse = (url.searchParams.get("include") ?? "").split(",").includes("response") && reviewFields.includes("response");

  const reviewResource = (r: SimReview, visible: SimResponse | null) => {
    const attributes: Record<string, unknown> = {};
    if (reviewFields.includes("rating")) attributes.rating = r.rating;
    if (reviewFields.includes("title") && r.title !== null) attributes.title = r.title;
    if (reviewFields.includes("body")) attributes.body = r.body;
    if (reviewFields.includes("reviewerNickname")) attributes.reviewerNickname = r.nickname;
    if (reviewFields.includes("createdDate")) attributes.createdDate = appleDate(r.createdMs);
    if (reviewFields.includes("territory")) attributes.territory = r.territory;
    const resource: Record<string, unknown> = { type: "customerReviews", id: r.id, attributes, links: { self: `${baseUrl}/v1/customerReviews/${r.id}` } };
    if (reviewFields.includes("response")) {
      resource.relationships = {
        response: {
          ...(includeResponse ? { data: visible ? { type: "customerReviewResponses", id: visible.id } : null } : {}),
          links: { self: `${baseUrl}/v1/customerReviews/${r.id}/relationships/response`, related: `${baseUrl}/v1/customerReviews/${r.id}/response` },
        },
      };
    }
    return resource;
  };
  const responseResource = (r: SimResponse) => {
    const attributes: Record<string, unknown> = {};
    if (responseFields.includes("responseBody")) attributes.responseBody = r.body;
    if (responseFields.includes("lastModifiedDate")) attributes.lastModifiedDate = appleDate(r.lastModifiedMs);
    if (responseFields.includes("state")) attributes.state = r.state;
    return {
      type: "customerReviewResponses",
      id: r.id,
      attributes,
      relationships: { review: { data: { type: "customerReviews", id: r.reviewId } } },
      links: { self: `${baseUrl}/v1/customerReviewResponses/${r.id}` },
    };
  };
  const reviewVisible = (r: SimReview | undefined) => r && (key.apps === undefined || key.apps.includes(r.appId));

  switch (route.endpoint) {
    case "asc.apps": {
      const limit = clampLimit(url.searchParams.get("limit"));
      if (limit === null) return reply(400, paramError("limit"), rl);
      const apps = sim.listAscApps().filter((a) => sim.keySeesApp(key, a.id));
      const offset = decodeOffset(url.searchParams.get("cursor"), sim.salt);
      if (offset === null) return reply(400, paramError("cursor"), rl);
      const page = apps.slice(offset, offset + limit);
      const appFields = (url.searchParams.get("fields[apps]") ?? "name,bundleId,sku,primaryLocale").split(",");
      const next = offset + limit < apps.length ? withParam(url, baseUrl, "cursor", encodeOffset(offset + limit, sim.salt)) : undefined;
      return reply(200, {
        data: page.map((a) => ({
          type: "apps",
          id: a.id,
          attributes: Object.fromEntries(Object.entries({ name: a.name, bundleId: a.bundleId, sku: `SKU${a.id}`, primaryLocale: "en-US" }).filter(([k]) => appFields.includes(k))),
          links: { self: `${baseUrl}/v1/apps/${a.id}` },
        })),
        links: { self: selfUrl, ...(next ? { next } : {}) },
        meta: { paging: { total: apps.length, limit } },
      }, rl);
    }
    case "asc.reviews": {
      if (!sim.listAscApps().some((a) => a.id === param) || !sim.keySeesApp(key, param)) return notFound("apps");
      const limit = clampLimit(url.searchParams.get("limit"));
      if (limit === null) return reply(400, paramError("limit"), rl);
      const sort = url.searchParams.get("sort");
      if (sort && sort !== "-createdDate") return reply(400, paramError("sort", "The simulator only sorts by -createdDate."), rl);
      const ratings = url.searchParams.get("filter[rating]")?.split(",").map(Number);
      const territories = url.searchParams.get("filter[territory]")?.split(",").map((t) => t.toUpperCase());
      const exists = url.searchParams.get("exists[publishedResponse]");
      let page;
      try {
        page = sim.pageReviews(param, {
          limit,
          cursor: url.searchParams.get("cursor") ?? undefined,
          ratings,
          territories,
          hasPublishedResponse: exists === null ? undefined : exists === "true",
        });
      } catch (e) {
        if (e instanceof ReviewCursorError) return reply(400, paramError("cursor"), rl);
        throw e;
      }
      const visible = page.reviews.map((r) => (includeResponse ? sim.visibleResponseFor(r) : null));
      // The list lags the PENDING_PUBLISH → PUBLISHED flip (observed at Apple): GET by id already says PUBLISHED.
      const listed = fault?.kind === "stale_pending" ? visible.map((v) => (v?.state === "PUBLISHED" ? { ...v, state: "PENDING_PUBLISH" as const } : v)) : visible;
      const included = listed.filter((v): v is SimResponse => v !== null).map(responseResource);
      const data = page.reviews.map((r, i) => reviewResource(r, visible[i]));
      if (fault?.kind === "unreadable_review") {
        // What no client should store as it is: a rating outside 1–5, a date that is not one.
        const spoil = (i: number, attrs: Record<string, unknown>) => data[i] && Object.assign(data[i].attributes as Record<string, unknown>, attrs);
        spoil(0, { rating: 0 });
        spoil(1, { createdDate: "not a date" });
      }
      return reply(200, {
        data,
        ...(includeResponse ? { included } : {}),
        links: { self: selfUrl, ...(page.next ? { next: withParam(url, baseUrl, "cursor", page.next) } : {}) },
        meta: { paging: { total: page.total, limit } },
      }, rl);
    }
    case "asc.review": {
      const review = sim.getReview(param);
      if (!reviewVisible(review)) return notFound("customerReviews");
      const visible = includeResponse ? sim.visibleResponseFor(review!) : null;
      return reply(200, {
        data: reviewResource(review!, visible),
        ...(includeResponse ? { included: visible ? [responseResource(visible)] : [] } : {}),
        links: { self: selfUrl },
      }, rl);
    }
    case "asc.review.response": {
      const review = sim.getReview(param);
      if (!reviewVisible(review)) return notFound("customerReviews");
      const resp = sim.responseFor(review!);
      return reply(200, { data: resp ? responseResource(resp) : null, links: { self: selfUrl } }, rl);
    }
    case "asc.response.get": {
      const resp = sim.getResponse(param);
      if (!resp || !reviewVisible(sim.getReview(resp.reviewId))) return notFound("customerReviewResponses");
      return reply(200, { data: responseResource(resp), links: { self: selfUrl } }, rl);
    }
    case "asc.response.delete": {
      const resp = sim.getResponse(param);
      if (!resp || !reviewVisible(sim.getReview(resp.reviewId))) return notFound("customerReviewResponses");
      sim.deleteResponse(param);
      return reply(204, null, rl);
    }
    case "asc.response.create": {
      let body: unknown;
      try {
        body = await readJson(req);
      } catch {
        return reply(400, appleError(400, "PARAMETER_ERROR.INVALID", "A parameter has an invalid value", "The request body is not valid JSON."), rl);
      }
      const data = (body as { data?: { type?: string; attributes?: { responseBody?: unknown }; relationships?: { review?: { data?: { id?: unknown } } } } })?.data;
      const text = data?.attributes?.responseBody;
      const reviewId = data?.relationships?.review?.data?.id;
      if (data?.type !== "customerReviewResponses" || typeof reviewId !== "string") {
        return reply(409, appleError(409, "ENTITY_ERROR.RELATIONSHIP.INVALID", "The provided entity includes a relationship with an invalid value", "'review' must reference a customerReviews resource."), rl);
      }
      if (typeof text !== "string" || text.trim() === "") {
        return reply(409, appleError(409, "ENTITY_ERROR.ATTRIBUTE.REQUIRED", "The provided entity is missing a required attribute", "You must provide a value for the attribute 'responseBody' with this request"), rl);
      }
      if (text.length > 5970) {
        return reply(409, appleError(409, "ENTITY_ERROR.ATTRIBUTE.INVALID.TOO_LONG", "An attribute value is too long.", "'responseBody' can not be longer than 5970 characters."), rl);
      }
      const review = sim.getReview(reviewId);
      if (!reviewVisible(review)) return notFound("customerReviews");
      const resp = sim.createResponse(reviewId, text);
      return reply(201, { data: responseResource(resp), links: { self: `${baseUrl}/v1/customerReviewResponses/${resp.id}` } }, rl);
    }
  }
}

function fieldList(url: URL, type: string, all: string[]): string[] {
  const v = url.searchParams.get(`fields[${type}]`);
  return v === null ? all : v.split(",").map((s) => s.trim());
}

function clampLimit(raw: string | null): number | null {
  if (raw === null) return 50;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 200 ? n : null;
}

function paramError(name: string, detail = `'${name}' is not a valid value.`) {
  return appleError(400, "PARAMETER_ERROR.INVALID", "A parameter has an invalid value", detail);
}

function withParam(url: URL, baseUrl: string, name: string, value: string): string {
  const next = new URL(`${baseUrl}${url.pathname}${url.search}`);
  next.searchParams.set(name, value);
  return next.toString();
}

function encodeOffset(offset: number, salt: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: salt })).toString("base64url");
}

function decodeOffset(cursor: string | null, salt: string): number | null {
  if (cursor === null) return 0;
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o: unknown; s: unknown };
    return v.s === salt && Number.isInteger(v.o) ? (v.o as number) : null;
  } catch {
    return null;
  }
}

/** Apple's style: 2026-01-05T10:24:11-07:00. */
function appleDate(ms: number): string {
  return new Date(ms - 7 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "-07:00");
}

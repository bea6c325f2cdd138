// What every App Store Connect endpoint shares: bearer-token auth, the hourly budget per key (X-Rate-Limit),
// Apple's error document for every failure, and the paging and date conventions of its JSON:API documents.
import type { Call, Protocol } from "../endpoints";
import { appleError } from "../http";
import type { SimKey } from "../model/api-keys";
import { authenticate } from "./auth";

export interface AscContext {
  key: SimKey;
}

const rateLimited = () =>
  appleError(429, "RATE_LIMIT_EXCEEDED", "The request rate limit has been reached.", "We've received too many requests for this API. Please wait and try again or slow down your request rate.");
const notAuthorized = (detail = "") =>
  appleError(401, "NOT_AUTHORIZED", "Authentication credentials are missing or invalid.", `Provide a properly configured and signed bearer token, and make sure that it has not expired.${detail ? ` ${detail}` : ""}`);

export const ascProtocol: Protocol<AscContext> = {
  failure(call, kind, fault) {
    switch (kind) {
      case "401":
        return call.json(401, notAuthorized());
      case "403":
        return call.json(403, appleError(403, "FORBIDDEN_ERROR", "This request is forbidden for security reasons", "The API key in use does not allow this request"));
      case "agreement":
        return call.json(403, appleError(403, "FORBIDDEN.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED", "A required agreement is missing or has expired.", "This request requires an in-effect agreement that has not been signed or has expired."));
      case "429":
        return call.json(429, rateLimited(), { "x-rate-limit": "user-hour-lim:3600;user-hour-rem:0;", ...(fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {}) });
      default:
        return call.json(Number(kind), appleError(Number(kind), "UNEXPECTED_ERROR", "An unexpected error occurred.", "An unexpected error occurred on the server side. If this issue continues, contact us at https://developer.apple.com/contact/."));
    }
  },
  truncated: '{"data":[{"type":"customerReviews","id":',
  async admit(call) {
    const auth = await authenticate(call.sim.apiKeys, call.req.headers.authorization);
    if ("error" in auth) {
      call.json(401, notAuthorized(auth.error));
      return null;
    }
    call.logFields.keyId = auth.key.keyId;
    const budget = call.sim.apiKeys.spend(auth.key);
    call.headers["x-rate-limit"] = `user-hour-lim:${budget.limit};user-hour-rem:${budget.remaining};`;
    if (budget.exceeded) {
      call.json(429, rateLimited());
      return null;
    }
    return { key: auth.key };
  },
  unknown: {
    owns: (pathname) => pathname.startsWith("/v1/"),
    endpoint: "asc.unknown",
    answer: (call) => call.json(404, appleError(404, "NOT_FOUND", "The specified resource does not exist", `The path ${call.url.pathname} could not be found.`)),
  },
};

export function notFound(call: Call, type: string, id = call.params[0] ?? ""): void {
  call.json(404, appleError(404, "NOT_FOUND", "The specified resource does not exist", `There is no resource of type '${type}' with id '${id}'`));
}

export function paramError(call: Call, name: string, detail = `'${name}' is not a valid value.`): void {
  call.json(400, appleError(400, "PARAMETER_ERROR.INVALID", "A parameter has an invalid value", detail));
}

/** `limit`: 50 when absent, else 1–200; null when out of range. */
export function pageLimit(call: Call): number | null {
  const raw = call.url.searchParams.get("limit");
  if (raw === null) return 50;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 200 ? n : null;
}

/** This request's own URL, absolute on the simulator. */
export function selfUrl(call: Call): string {
  return `${call.baseUrl}${call.url.pathname}${call.url.search}`;
}

/** This request's URL with one parameter replaced (links.next). */
export function withParam(call: Call, name: string, value: string): string {
  const next = new URL(selfUrl(call));
  next.searchParams.set(name, value);
  return next.toString();
}

/** An opaque cursor for an offset into a list, valid for this simulator run only. */
export function encodeOffset(offset: number, salt: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: salt })).toString("base64url");
}

/** 0 without a cursor; null for one this run did not issue. */
export function decodeOffset(cursor: string | null, salt: string): number | null {
  if (cursor === null) return 0;
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o: unknown; s: unknown };
    return v.s === salt && Number.isInteger(v.o) ? (v.o as number) : null;
  } catch {
    return null;
  }
}

/** Apple's style: 2026-01-05T10:24:11-07:00. */
export function appleDate(ms: number): string {
  return new Date(ms - 7 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "-07:00");
}

// /androidpublisher/v3/applications/{package}/reviews[/{id}[:reply]], shaped like the Reply to Reviews API: bearer
// tokens from /token, the 7-day window, token paging, per-app quotas, Google's error envelopes.
import type { IncomingMessage, ServerResponse } from "node:http";
import { googleError, readBody, send, sendJson } from "./http";
import type { GoogleSimEndpoint } from "./scenario";
import type { GoogleSimState, SimAccount, SimPlayReview } from "./state";

const PLAY_SCOPE = "https://www.googleapis.com/auth/androidpublisher";
const ROUTE = /^\/androidpublisher\/v3\/applications\/([^/]+)\/reviews(?:\/([^/:]+)(:reply)?)?$/;

export type Authenticated = { account: SimAccount } | { error: unknown; status: number };

/** Bearer token → account, or Google's 401/403 document. */
export function authenticate(sim: GoogleSimState, header: string | undefined, scope: string): Authenticated {
  const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : "";
  const known = sim.tokens.get(token);
  if (!known || known.expiresAtMs <= sim.now()) {
    return {
      status: 401,
      error: googleError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.", { reason: "ACCESS_TOKEN_TYPE_UNSUPPORTED" }),
    };
  }
  if (!known.scopes.includes(scope) && !known.scopes.includes("https://www.googleapis.com/auth/cloud-platform")) {
    return { status: 403, error: googleError(403, "PERMISSION_DENIED", "Request had insufficient authentication scopes.", { reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT" }) };
  }
  return { account: known.account };
}

export function forbidden(sim: GoogleSimState) {
  return sim.options.forbiddenStyle === "caller"
    ? googleError(403, "PERMISSION_DENIED", "The caller does not have permission")
    : googleError(403, "PERMISSION_DENIED", "The current user has insufficient permissions to perform the requested operation.", { legacy: true, reason: "permissionDenied", domain: "androidpublisher" });
}

const apiDisabled = (project: string) =>
  googleError(403, "PERMISSION_DENIED", `Google Play Android Developer API has not been used in project ${project} before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/androidpublisher.googleapis.com/overview?project=${project} then retry.`, {
    reason: "SERVICE_DISABLED",
  });

const seconds = (ms: number) => ({ seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 });

export function reviewDocument(r: SimPlayReview, oddText = false) {
  const shown = `${oddText ? "Odd\u0000 text \ud83d " : ""}${r.title ? `${r.title}\t` : ""}${r.text}`;
  return {
    reviewId: r.id,
    authorName: r.author,
    comments: [
      {
        userComment: {
          text: shown,
          originalText: r.originalText ?? "",
          lastModified: seconds(r.modifiedMs),
          starRating: r.rating,
          reviewerLanguage: r.language,
          device: r.device,
          androidOsVersion: 34,
          appVersionCode: r.versionCode,
          appVersionName: r.versionName,
          thumbsUpCount: r.id.length % 7,
          thumbsDownCount: 0,
          deviceMetadata: { productName: "Galaxy A53 5G", manufacturer: "Samsung", deviceClass: "phone", screenWidthPx: 1080, screenHeightPx: 2400, ramMb: 6144 },
        },
      },
      ...(r.reply ? [{ developerComment: { text: r.reply.text, lastModified: seconds(r.reply.modifiedMs) } }] : []),
    ],
  };
}

function pageToken(sim: GoogleSimState, offset: number): string {
  return Buffer.from(`${sim.salt}:${offset}`).toString("base64url");
}

function readPageToken(sim: GoogleSimState, token: string): number | null {
  const [salt, offset] = Buffer.from(token, "base64url").toString("utf8").split(":");
  return salt === sim.salt && /^\d+$/.test(offset ?? "") ? Number(offset) : null;
}

export async function handlePlay(sim: GoogleSimState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void | "hang"> {
  const method = req.method ?? "GET";
  const m = ROUTE.exec(url.pathname);
  const packageName = decodeURIComponent(m?.[1] ?? "");
  const reviewId = m?.[2] ? decodeURIComponent(m[2]) : null;
  const endpoint: GoogleSimEndpoint | "play.unknown" = !m ? "play.unknown" : m[3] ? "play.reply" : reviewId ? "play.get" : "play.list";
  let account: string | undefined;
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}, fault?: string) => {
    sim.record({ method, path: url.pathname, endpoint, status, account, fault: fault as never });
    sendJson(res, status, body, headers);
  };
  if (endpoint === "play.unknown" || (endpoint === "play.reply") !== (method === "POST")) {
    return reply(404, googleError(404, "NOT_FOUND", `The requested URL ${url.pathname} was not found on this server.`));
  }

  const fault = sim.takeFault(endpoint, packageName);
  if (fault && fault.kind !== "odd_text") {
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
        return send(res, 200, '{"reviews":[{"reviewId":');
      case "401":
        return reply(401, googleError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials."), {}, fault.kind);
      case "403":
        return reply(403, forbidden(sim), {}, fault.kind);
      case "api_disabled":
        return reply(403, apiDisabled("123456789012"), {}, fault.kind);
      case "429":
        return reply(429, googleError(429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'Queries' and limit 'Queries per hour per app'."), fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {}, fault.kind);
      default:
        if (/^\d+$/.test(fault.kind)) return reply(Number(fault.kind), googleError(Number(fault.kind), "INTERNAL", "Internal error encountered."), {}, fault.kind);
    }
  }

  const auth = authenticate(sim, req.headers.authorization, PLAY_SCOPE);
  if ("error" in auth) return reply(auth.status, auth.error);
  const who = auth.account;
  account = who.clientEmail;
  if (!who.apiEnabled) return reply(403, apiDisabled("123456789012"));
  if (who.packages && !who.packages.includes(packageName)) return reply(403, forbidden(sim));
  if (!sim.knowsPackage(packageName)) return reply(404, googleError(404, "NOT_FOUND", "Package not found: " + packageName + "."));

  const quota = endpoint === "play.reply" ? sim.spendReply(packageName) : sim.spendRead(packageName);
  if (quota.exceeded) {
    return reply(
      429,
      googleError(429, "RESOURCE_EXHAUSTED", endpoint === "play.reply" ? "Quota exceeded: replies per day for this app." : "Quota exceeded for quota metric 'Queries' and limit 'Queries per hour per app'."),
      sim.options.quotaRetryAfter ? { "retry-after": String(Math.max(1, Math.ceil(quota.retryAfterMs / 1000))) } : {},
    );
  }

  if (endpoint === "play.list") {
    const size = Math.min(100, Math.max(1, Number(url.searchParams.get("maxResults") ?? 10) || 10));
    const token = url.searchParams.get("token");
    const start = token ? readPageToken(sim, token) : Number(url.searchParams.get("startIndex") ?? 0) || 0;
    if (start === null) return reply(400, googleError(400, "INVALID_ARGUMENT", "Invalid pagination token."));
    const all = sim.recentReviews(packageName);
    const page = all.slice(start, start + size);
    const body: Record<string, unknown> = {};
    // Proto3 JSON: no reviews → no "reviews" key at all.
    if (page.length > 0) body.reviews = page.map((r, i) => reviewDocument(r, fault?.kind === "odd_text" && i === 0));
    if (start + size < all.length) body.tokenPagination = { nextPageToken: pageToken(sim, start + size) };
    if (page.length > 0) body.pageInfo = { totalResults: all.length, resultPerPage: size, startIndex: start };
    return reply(200, body, {}, fault?.kind);
  }

  const review = sim.findReview(packageName, reviewId!);
  if (!review) return reply(404, googleError(404, "NOT_FOUND", "Review not found."));
  if (endpoint === "play.get") return reply(200, reviewDocument(review));

  if (!who.canReply) return reply(403, forbidden(sim));
  let replyText: unknown;
  try {
    replyText = (JSON.parse((await readBody(req)) || "{}") as { replyText?: unknown }).replyText;
  } catch {
    return reply(400, googleError(400, "INVALID_ARGUMENT", "Invalid JSON payload received."));
  }
  if (typeof replyText !== "string" || replyText.trim() === "") return reply(400, googleError(400, "INVALID_ARGUMENT", "Reply text must not be empty."));
  const plain = replyText.replace(/<[^>]*>/g, "");
  if (plain.length > sim.options.maxReplyLength) {
    const status = sim.options.longReplyStatus;
    return reply(status, googleError(status, status === 400 ? "INVALID_ARGUMENT" : "PERMISSION_DENIED", "The reply text is too long."));
  }
  review.reply = { text: plain, modifiedMs: sim.now() };
  return reply(200, { result: { replyText: plain, lastEdited: seconds(review.reply.modifiedMs) } });
}

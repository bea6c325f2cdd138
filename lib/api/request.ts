import "server-only";
// What every HTTP entry point shares: who is calling (agent key or session), the request body, and the error answer.
import { NextResponse } from "next/server";
import type { Caller } from "@/lib/auth/access";
import { callerForAgentKey } from "@/lib/auth/agent-keys";
import { sessionCaller } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { AppError, ForbiddenError, PayloadTooLargeError, UnauthenticatedError, ValidationError, toErrorPayload } from "@/lib/errors";
import { countAgentKeyRequest } from "./rate-limit";

/**
 * Bearer agent key when presented (rate limited per key), else the browser session — for a state-changing method
 * only from the app's own pages. A bad key is refused, never ignored.
 */
export async function callerFromRequest(request: Request): Promise<Caller> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const caller = match ? await callerForAgentKey(match[1]) : null;
    if (!caller) throw new UnauthenticatedError("The agent key is missing, malformed or revoked.");
    if (caller.kind === "apiKey") await countAgentKeyRequest(caller.apiKeyId);
    return caller;
  }
  assertOwnOrigin(request);
  return sessionCaller();
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The session cookie is SameSite=Lax, which a page on another port of the same host (the same "site") still gets
 * sent with its POSTs: a change made with the session must come from this app's own origin, as the browser's
 * Origin header (or, without one, Sec-Fetch-Site) says. Agent keys are not sent by browsers on their own.
 */
function assertOwnOrigin(request: Request) {
  if (SAFE_METHODS.has(request.method)) return;
  const own = new Set([new URL(request.url).origin]);
  const appUrl = env().APP_URL;
  if (appUrl) own.add(new URL(appUrl).origin);
  const origin = request.headers.get("origin");
  if (origin ? own.has(origin) : request.headers.get("sec-fetch-site") === "same-origin") return;
  throw new ForbiddenError(
    "Cross-origin request refused: with the browser session, changes are accepted only from Starboard's own pages (same origin). Scripts use an agent key (Authorization: Bearer sb_…).",
  );
}

export function errorResponse(error: unknown) {
  const { status, payload } = toErrorPayload(error);
  const headers: Record<string, string> = {};
  if (error instanceof AppError && "retryAfterSeconds" in error && typeof error.retryAfterSeconds === "number") {
    headers["Retry-After"] = String(error.retryAfterSeconds);
  }
  return NextResponse.json({ error: payload }, { status, headers });
}

/** The largest JSON body a route reads; larger ones are refused before they are read in full. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
const tooLarge = () => new PayloadTooLargeError("The request body is larger than 1 MB. Send less (a reply is at most 5,970 characters).");

async function readBodyText(request: Request): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_JSON_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Content-Length may be missing (chunked) or wrong: count what actually arrives.
    if (size > MAX_JSON_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A JSON object body of at most 1 MB, or {} when the body is empty; anything else is a 400/413 that says what to fix. */
export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  const text = await readBodyText(request);
  if (!text.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationError("The request body is not valid JSON.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new ValidationError("The request body must be a JSON object.");
  return parsed as Record<string, unknown>;
}

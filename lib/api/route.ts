import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { resolveAccessWithRelated, type AccessContext, type Caller, type RelatedScopes, type Scope } from "@/lib/auth/access";
import { callerForAgentKey } from "@/lib/auth/agent-keys";
import type { Permission } from "@/lib/auth/permissions";
import { AppError, UnauthenticatedError, ValidationError, toErrorPayload } from "@/lib/errors";
import { parseInput, sessionCaller } from "@/lib/actions/define-action";
import { enforceAgentKeyRateLimit } from "./rate-limit";

/** Bearer agent key when presented (rate limited per key), else the browser session. A bad key is refused, never ignored. */
export async function callerFromRequest(request: Request): Promise<Caller> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const caller = match ? await callerForAgentKey(match[1]!) : null;
    if (!caller) throw new UnauthenticatedError("The agent key is missing, malformed or revoked.");
    if (caller.kind === "apiKey") enforceAgentKeyRateLimit(caller.apiKeyId);
    return caller;
  }
  return sessionCaller();
}

export function errorResponse(error: unknown) {
  const { status, payload } = toErrorPayload(error);
  const headers: Record<string, string> = {};
  if (error instanceof AppError && "retryAfterSeconds" in error && typeof error.retryAfterSeconds === "number") {
    headers["Retry-After"] = String(error.retryAfterSeconds);
  }
  return NextResponse.json({ error: payload }, { status, headers });
}

type RouteParams = { params: Promise<Record<string, string | string[]>> };

/** A JSON object body, or {} when the body is empty; anything else is a 400 that says what to fix. */
export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
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

async function requestInput(request: NextRequest, params: Record<string, string | string[]> | undefined) {
  const query = Object.fromEntries(request.nextUrl.searchParams.entries());
  const body = ["GET", "HEAD"].includes(request.method) ? {} : await readJsonBody(request);
  // Next gives routes without dynamic segments no params (undefined), not an empty object.
  return { ...query, ...body, ...(params ?? {}) };
}

/**
 * The one path of every route handler, as for server actions: parse (zod: query + JSON body + path params)
 * → caller (agent key or session) → permission in the owning team → tenant-scoped data call. Errors are
 * `{ "error": { "code", "message" } }` with the matching HTTP status.
 */
export function defineRoute<S extends z.ZodType, T>(config: {
  input: S;
  permission: Permission;
  scope: (input: z.output<S>) => Scope;
  /** Every other object the input names: checked against the caller like the target. */
  related?: (input: z.output<S>) => RelatedScopes;
  handler: (ctx: AccessContext, input: z.output<S>, request: NextRequest) => Promise<T>;
  status?: number;
}) {
  return async (request: NextRequest, context: RouteParams) => {
    try {
      const caller = await callerFromRequest(request);
      const input = parseInput(config.input, await requestInput(request, await context?.params));
      const ctx = await resolveAccessWithRelated(caller, config.scope(input), config.related?.(input) ?? [], config.permission);
      const data = await config.handler(ctx, input, request);
      if (config.status === 204) return new NextResponse(null, { status: 204 });
      return NextResponse.json(data, { status: config.status ?? 200 });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

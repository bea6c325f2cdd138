import "server-only";
// The /api/v1 route wrapper: caller (agent key, rate limited, or session) → zod on params, query and body
// → handler (which authorizes through resolveAccess or a server action's own path) → zod on the response.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { parseInput, type ActionResult, type ScopedAction } from "@/lib/actions/define-action";
import { resolveAccessWithRelated, type AccessFor, type Caller, type RelatedScopes, type Scope } from "@/lib/auth/access";
import type { Permission } from "@/lib/auth/permissions";
import { AppError, ERROR_STATUS, RateLimitedError, UpstreamError, type ErrorPayload } from "@/lib/errors";
import { callerFromRequest, errorResponse, readJsonBody } from "../route";
import type { Endpoint } from "./endpoint";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export interface V1Request<E extends Endpoint> {
  caller: Caller;
  input: z.output<E["params"]> & z.output<E["query"]> & (E["body"] extends z.ZodObject ? z.output<E["body"]> : object);
  request: NextRequest;
}


export function v1Route<E extends Endpoint>(e: E, handler: (req: V1Request<E>) => Promise<z.input<E["response"]>>) {
  return async (request: NextRequest, context: RouteContext) => {
    try {
      const caller = await callerFromRequest(request);
      // Next gives routes without dynamic segments no params (undefined), not an empty object.
      const params = parseInput(e.params, (await context?.params) ?? {});
      const query = parseInput(e.query, Object.fromEntries(request.nextUrl.searchParams.entries()));
      const body = e.body ? parseInput(e.body, await readJsonBody(request)) : {};
      const input = { ...query, ...body, ...params } as V1Request<E>["input"];
      const data = await handler({ caller, input, request });
      return NextResponse.json(e.response.parse(data), { status: e.status });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * Resolves the caller's rights over the target and over every other object the request names (404 outside its
 * team/project, 403 without the permission).
 */
export async function withAccess<Sc extends Scope, T>(caller: Caller, scope: Sc, permission: Permission, fn: (ctx: AccessFor<Sc>) => Promise<T>, related: RelatedScopes = []): Promise<T> {
  return fn(await resolveAccessWithRelated(caller, scope, related, permission));
}


/** An action's failure as the typed error it was, so the HTTP answer matches the dashboard's message. */
export function errorFromPayload(p: ErrorPayload): AppError {
  if (p.code === "rate_limited") return new RateLimitedError(p.message, p.retryAfterSeconds, p.upstream);
  if (p.code === "upstream_error") return new UpstreamError(p.message, p.upstream?.code ?? undefined, p.upstream);
  return new AppError(p.code, ERROR_STATUS[p.code], p.message, p.fieldErrors);
}

export function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw errorFromPayload(result.error);
  return result.data;
}

/** Runs a dashboard server action for this caller: the same authorization, data call and messages. */
export async function viaAction<S extends z.ZodType, T>(action: ScopedAction<S, T>, caller: Caller, input: z.input<S>): Promise<T> {
  return unwrap(await action.run(caller, input));
}

import "server-only";
// The /api/v1 adapter: caller (agent key, rate limited, or the session) → zod on params, query and body (the
// endpoint's own shapes, as the OpenAPI document says) → the operation, which checks the permission the endpoint
// declares → zod on the response. An operation checking another permission than its endpoint declares is refused
// when the route is built, so a route cannot forget or loosen the check.
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import type { Endpoint } from "@/lib/api/v1/endpoint";
import { callerFromRequest, errorResponse, readJsonBody } from "@/lib/api/request";
import { parseInput, type Operation } from "../define-operation";

type RouteContext = { params: Promise<Record<string, string | string[]>> };
/** A route handler that names its operation, so tests can tell which operations /api/v1 serves. */
type RouteHandler = ((request: NextRequest, context: RouteContext) => Promise<Response>) & { readonly operation: Operation };

/** Everything the request carried, parsed by the endpoint's schemas: path params, query and body fields in one object. */
export type EndpointFields<E extends Endpoint> = z.output<E["params"]> & z.output<E["query"]> & (E["body"] extends z.ZodObject ? z.output<E["body"]> : object);

interface Mapping<E extends Endpoint, S extends z.ZodType, T> {
  /** The operation's input from the request's fields (default: the fields as they are). */
  input?: (fields: EndpointFields<E>) => z.input<S>;
  /** The response body from the operation's result (default: the result as it is). */
  output?: (result: T) => z.input<E["response"]>;
}

export function v1Route<E extends Endpoint, S extends z.ZodType, T extends z.input<E["response"]>>(endpoint: E, operation: Operation<S, T>, mapping?: Omit<Mapping<E, S, T>, "output">): RouteHandler;
export function v1Route<E extends Endpoint, S extends z.ZodType, T>(endpoint: E, operation: Operation<S, T>, mapping: Mapping<E, S, T> & { output: (result: T) => z.input<E["response"]> }): RouteHandler;
export function v1Route<E extends Endpoint, S extends z.ZodType, T>(endpoint: E, operation: Operation<S, T>, mapping: Mapping<E, S, T> = {}): RouteHandler {
  if (operation.permission !== endpoint.permission) {
    throw new Error(`${endpoint.method} ${endpoint.path} declares "${endpoint.permission}" but its operation checks "${operation.permission}": make them the same.`);
  }
  const handler = async (request: NextRequest, context: RouteContext): Promise<Response> => {
    try {
      const caller = await callerFromRequest(request);
      // Next gives routes without dynamic segments no params (undefined), not an empty object.
      const params = parseInput(endpoint.params, (await context?.params) ?? {});
      const query = parseInput(endpoint.query, Object.fromEntries(request.nextUrl.searchParams.entries()));
      const body = endpoint.body ? parseInput(endpoint.body, await readJsonBody(request)) : {};
      const fields = { ...query, ...body, ...params } as EndpointFields<E>;
      const result = await operation.run(caller, mapping.input ? mapping.input(fields) : (fields as z.input<S>));
      const data = mapping.output ? mapping.output(result) : result;
      return NextResponse.json(endpoint.response.parse(data), { status: endpoint.status });
    } catch (error) {
      return errorResponse(error);
    }
  };
  return Object.assign(handler, { operation });
}

// One /api/v1 operation described once: method, path, permission and zod shapes. The route handler, the
// OpenAPI document, the HTTP client (CLI, MCP) and the MCP tools' input schemas are all derived from it.
import { z } from "zod";
import type { PermissionOrSelf } from "@/lib/auth/permissions";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";
type Obj = z.ZodObject;

export interface Endpoint<P extends Obj = Obj, Q extends Obj = Obj, B extends Obj = Obj, R extends z.ZodType = z.ZodType> {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI-style path below /api/v1, e.g. "/projects/{projectId}/apps". */
  path: string;
  tag: "Apps & ratings" | "Downloads & revenue" | "Reviews" | "Integrations" | "Runs" | "Notifications";
  summary: string;
  description?: string;
  /** What the caller needs; the route adapter (lib/operations/adapters/v1-route.ts) enforces it. "self": a signed-in
   * person's own things, refused to agent keys. */
  permission: PermissionOrSelf;
  params: P;
  query: Q;
  body: B | null;
  response: R;
  status: 200 | 201 | 202;
}

const empty = z.object({});

export function endpoint<P extends Obj = typeof empty, Q extends Obj = typeof empty, B extends Obj = typeof empty, R extends z.ZodType = z.ZodType>(
  spec: Omit<Endpoint<P, Q, B, R>, "params" | "query" | "body" | "status"> & { params?: P; query?: Q; body?: B; status?: 200 | 201 | 202 },
): Endpoint<P, Q, B, R> {
  return {
    ...spec,
    params: spec.params ?? (empty as unknown as P),
    query: spec.query ?? (empty as unknown as Q),
    body: spec.body ?? null,
    status: spec.status ?? 200,
  };
}

/** Everything a caller passes, in one object: path params, query and body fields. */
type FieldsOf<S> = S extends Obj ? (keyof S["shape"] extends never ? object : z.input<S>) : object;
export type EndpointInput<E extends Endpoint> = FieldsOf<E["params"]> & FieldsOf<E["query"]> & FieldsOf<E["body"]>;
export type EndpointOutput<E extends Endpoint> = z.output<E["response"]>;

/** The one input schema of an endpoint (MCP tool input): params, query and body fields merged. */
export function inputSchemaOf(e: Endpoint): z.ZodObject {
  return z.object({ ...e.params.shape, ...e.query.shape, ...(e.body?.shape ?? {}) });
}

/** "/projects/{projectId}/apps" → "/api/v1/projects/p1/apps" (values URL-encoded). */
export function fillPath(e: Endpoint, values: Record<string, unknown>): string {
  return `/api/v1${e.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(values[name] ?? "")))}`;
}

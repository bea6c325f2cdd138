// Unknown paths and wrong methods under /api/v1 answer in the API's error shape, `{ "error": { "code", "message" } }`:
// left to Next they are an HTML page (404) and an empty body (405). proxy.ts asks this before any route runs.
import { NextResponse } from "next/server";
import type { ErrorCode } from "@/lib/errors";
import { ENDPOINTS } from "./endpoints";

interface RouteMethods {
  pattern: RegExp;
  methods: string[];
}

function routeTable(): RouteMethods[] {
  const byPath = new Map<string, string[]>();
  // The public OpenAPI document is the one route outside the endpoint list.
  for (const { path, method } of [...ENDPOINTS, { path: "/openapi.json", method: "GET" }]) {
    byPath.set(path, [...(byPath.get(path) ?? []), method]);
  }
  return [...byPath].map(([path, methods]) => ({
    pattern: new RegExp(`^${path.replace(/\./g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`),
    methods,
  }));
}
const ROUTES = routeTable();

function errorJson(status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}) {
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

/** The JSON 404 or 405 for a request no /api/v1 route takes, or null when one does. */
export function unmatchedApiRequest(pathname: string, method: string): NextResponse | null {
  const path = pathname.replace(/^\/api\/v1/, "").replace(/\/+$/, "") || "/";
  const route = ROUTES.find((r) => r.pattern.test(path));
  if (!route) return errorJson(404, "not_found", `There is no API route ${pathname}. The routes are described at /api/v1/openapi.json.`);
  // Next answers HEAD for every GET route, and OPTIONS for every route.
  const allowed = [...route.methods, ...(route.methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"];
  if (allowed.includes(method)) return null;
  return errorJson(405, "method_not_allowed", `${method} is not allowed on ${pathname}: use ${route.methods.join(", ")}.`, { Allow: allowed.join(", ") });
}

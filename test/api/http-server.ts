// A real HTTP server for CLI and MCP tests: routes each request to the app/api/v1 route handler its path
// matches (the same files Next serves), through a NextRequest built from the incoming request.
import { readdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { NextRequest } from "next/server";

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Route {
  pattern: RegExp;
  names: string[];
  module: Record<string, Handler>;
}

// The route files Next serves under /api/v1.
const ROOT = path.resolve(__dirname, "../../app/api/v1");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() && !e.name.startsWith("_") ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : [],
  );
}

async function loadRoutes(): Promise<Route[]> {
  const routes: Route[] = [];
  for (const file of routeFiles(ROOT)) {
    const rel = path.relative(ROOT, path.dirname(file));
    const names: string[] = [];
    const source = `^/api/v1/${rel}`.replace(/\/$/, "").replace(/\[(\w+)\]/g, (_m, name: string) => (names.push(name), "([^/]+)")).replace(/\./g, "\\.");
    routes.push({ pattern: new RegExp(`${source}$`), names, module: (await import(/* @vite-ignore */ file)) as Record<string, Handler> });
  }
  // Literal segments before parameters: /reviews/x/response must not match a shorter pattern by accident.
  return routes.sort((a, b) => a.names.length - b.names.length);
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

export interface RunningApi {
  url: string;
  requests: { method: string; path: string; status: number }[];
  stop(): Promise<void>;
}

export async function startApiServer(): Promise<RunningApi> {
  const routes = await loadRoutes();
  const requests: RunningApi["requests"] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = routes.find((r) => r.pattern.test(url.pathname));
    const handler = route?.module[req.method ?? "GET"];
    if (!route || !handler) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "not_found", message: "No such route." } }));
      return;
    }
    const match = route.pattern.exec(url.pathname)!;
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1])]));
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const body = await readBody(req);
    // Like Next: a route without dynamic segments gets no params.
    const response = await handler(new NextRequest(new URL(url.pathname + url.search, `http://${req.headers.host}`), { method: req.method, headers, body: body ? new Uint8Array(body) : undefined }), { params: Promise.resolve(route.names.length ? params : (undefined as never)) });
    requests.push({ method: req.method ?? "GET", path: url.pathname, status: response.status });
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    res.end(Buffer.from(await response.arrayBuffer()));
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

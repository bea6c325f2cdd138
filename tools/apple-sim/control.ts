// /__sim/* — the test-side control API: JSON in, JSON out. Endpoint families may add routes of their own.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { Created, type ControlRoutes, type EndpointFamily } from "./endpoints";
import { readJson, sendJson } from "./http";
import type { Scenario, SimAppInput, SimKeyInput, SimOptionsInput, SimReviewInput, StorefrontEntry } from "./scenario";
import type { SimState } from "./state";

const OK = { ok: true };

const routes: ControlRoutes = {
  "GET /": (sim) => sim.summary(),
  "GET /state": (sim) => sim.summary(),
  "POST /scenario": (sim, { body }) => {
    sim.loadScenario(body as Scenario);
    return sim.summary();
  },
  "POST /reset": (sim) => {
    sim.reset();
    return OK;
  },
  "POST /options": (sim, { body }) => sim.setOptions(body as SimOptionsInput),
  "PATCH /options": (sim, { body }) => sim.setOptions(body as SimOptionsInput),
  "GET /apps": (sim) => sim.listApps(),
  "POST /apps": (sim, { body }) => new Created(sim.addApp(body as SimAppInput)),
  "DELETE /apps/:trackId": (sim, { params }) => ({ removed: sim.removeApp(Number(params[0])) }),
  "PUT /apps/:trackId/storefronts/:code": (sim, { body, params }) => {
    sim.setRatings(Number(params[0]), params[1], body as StorefrontEntry);
    return OK;
  },
  "POST /day": (sim, { body }) => ({ day: sim.advanceDay((body as { changes?: never })?.changes) }),
  "POST /day/advance": (sim, { body }) => ({ day: sim.advanceDay((body as { changes?: never })?.changes) }),
  "GET /keys": (sim) =>
    sim.keys().map((k) => ({ keyId: k.keyId, issuerId: k.issuerId ?? null, type: k.type, apps: k.apps ?? null, publicKeyPem: k.publicKeyPem, privateKeyPem: k.privateKeyPem ?? null })),
  "POST /keys": (sim, { body }) => {
    const k = sim.addKey(body as SimKeyInput);
    return new Created({ keyId: k.keyId, privateKeyPem: k.privateKeyPem ?? null });
  },
  "POST /reviews": (sim, { body }) => {
    const { ascAppId, review } = body as { ascAppId: string; review: SimReviewInput };
    return new Created({ id: sim.addReview(ascAppId, review).id });
  },
  "DELETE /reviews/:id": (sim, { params }) => ({ removed: sim.deleteReview(params[0]) }),
  "DELETE /responses/:id": (sim, { params }) => ({ removed: sim.deleteResponse(params[0]) }),
  "POST /responses/publish": (sim, { body }) => ({ published: sim.publishResponses((body as { id?: string } | undefined)?.id) }),
  "GET /faults": (sim) => sim.listFaults(),
  "POST /faults": (sim, { body }) => new Created({ id: sim.addFault(body as never) }),
  "DELETE /faults": (sim) => {
    sim.clearFaults();
    return OK;
  },
  "GET /log": (sim, { url }) => ({ counters: sim.counters, entries: sim.log.slice(-Number(url.searchParams.get("limit") ?? 200)) }),
  "GET /counters": (sim) => sim.counters,
  "DELETE /log": (sim) => {
    sim.clearLog();
    return OK;
  },
};

interface CompiledRoute {
  method: string;
  segments: string[];
  run: ControlRoutes[string];
}

export function createControl(families: readonly EndpointFamily[]) {
  const table: CompiledRoute[] = [];
  const add = (key: string, run: ControlRoutes[string]) => {
    const [method, path] = key.split(" ");
    const segments = path.split("/").filter(Boolean);
    if (table.some((r) => r.method === method && r.segments.join("/") === segments.join("/"))) throw new Error(`two control routes for ${key}`);
    table.push({ method, segments, run });
  };
  for (const [key, run] of Object.entries(routes)) add(key, run);
  for (const family of families) for (const [key, run] of Object.entries(family.control ?? {})) add(key, run);
  // A literal segment wins over a parameter (POST /responses/publish before a POST /responses/:id).
  const params = (r: CompiledRoute) => r.segments.filter((s) => s.startsWith(":")).length;
  table.sort((a, b) => params(a) - params(b));

  return async (sim: SimState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const method = req.method ?? "GET";
    const path = url.pathname.replace(/^\/__sim/, "").replace(/\/+$/, "") || "/";
    try {
      const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
      const match = table.find((r) => r.method === method && r.segments.length === parts.length && r.segments.every((s, i) => s.startsWith(":") || s === parts[i]));
      if (!match) return sendJson(res, 404, { error: `unknown control route ${method} ${path}` });
      const body = method === "GET" || method === "DELETE" ? undefined : await readJson(req);
      const routeParams = parts.filter((_, i) => match.segments[i].startsWith(":"));
      const result = await match.run(sim, { body, params: routeParams, url });
      return result instanceof Created ? sendJson(res, 201, result.data) : sendJson(res, 200, result);
    } catch (e) {
      return sendJson(res, 400, { error: e instanceof z.ZodError ? z.prettifyError(e) : e instanceof Error ? e.message : String(e) });
    }
  };
}

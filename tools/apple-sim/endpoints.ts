// Endpoint families and the one pipeline every simulated request goes through: match an endpoint → take a fault
// (failures answer here, data faults go to the handler) → the API's own checks (auth, rate limits) → the
// handler. A family brings its endpoints, its fault rules and the protocol of the API it belongs to.
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson, sendText } from "./http";
import type { FaultRules, FaultSpec, StatusFaultKind } from "./model/faults";
import type { LogEntry } from "./model/request-log";
import type { SimState } from "./state";

/** "hang": the server keeps the request open without answering (a timeout fault). */
export type Outcome = void | "hang";

/** One request to one endpoint. Its answers are logged (once) with the endpoint, status and fault. */
export class Call<F extends FaultSpec = FaultSpec> {
  /** Sent with every answer, e.g. X-Rate-Limit once the key is known. */
  readonly headers: Record<string, string> = {};
  readonly logFields: Pick<LogEntry, "query" | "storefront" | "keyId"> = {};
  /** The data fault that fired for this call: the handler shapes its answer by it. */
  fault: F | null = null;
  faultKind: string | undefined;

  constructor(
    readonly sim: SimState,
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly url: URL,
    readonly baseUrl: string,
    readonly endpoint: string,
    readonly params: string[] = [],
  ) {}

  get method(): string {
    return this.req.method ?? "GET";
  }

  json(status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.record(status);
    sendJson(this.res, status, body, { ...this.headers, ...headers });
  }

  text(status: number, text: string, headers: Record<string, string> = {}): void {
    this.record(status);
    sendText(this.res, status, text, { ...this.headers, ...headers });
  }

  /** A binary body (a gzip report file). */
  bytes(status: number, body: Buffer, headers: Record<string, string> = {}): void {
    this.record(status);
    if (this.res.headersSent || this.res.destroyed) return;
    this.res.writeHead(status, { "content-length": String(body.length), ...this.headers, ...headers });
    this.res.end(body);
  }

  noContent(): void {
    this.record(204);
    this.res.writeHead(204, this.headers);
    this.res.end();
  }

  /** No HTTP answer at all: the client sees the connection drop. */
  drop(): void {
    this.record(0);
    this.req.socket.destroy();
  }

  /** No answer until the client gives up (or the simulator's hangMs passes). */
  hang(): "hang" {
    this.record(0);
    return "hang";
  }

  private record(status: number): void {
    this.sim.requestLog.record({ method: this.method, path: this.url.pathname, ...this.logFields, endpoint: this.endpoint, status, ...(this.faultKind ? { fault: this.faultKind } : {}) });
  }
}

/** What all endpoints of one API share (iTunes Lookup, App Store Connect). */
export interface Protocol<Ctx extends object> {
  /** Log fields every call of this API carries (e.g. the storefront). */
  describe?(call: Call): void;
  /** A failing fault's status, in this API's own format. */
  failure(call: Call, kind: StatusFaultKind, fault: FaultSpec): void;
  /** The first bytes of a body, sent alone by a `malformed` fault. */
  truncated: string;
  /** Checks before any endpoint runs (auth, rate limits): the context for the handler, or null once answered. */
  admit(call: Call): Promise<Ctx | null> | Ctx | null;
  /** Paths of this API that no endpoint matches: logged as `endpoint` and answered here. */
  unknown?: { owns(pathname: string): boolean; endpoint: string; answer(call: Call): void };
}

export interface Endpoint<Ctx extends object, F extends FaultSpec> {
  id: F["endpoint"];
  methods: readonly string[];
  /** Matched against the path; capture groups become `call.params` (decoded). */
  path: RegExp;
  /** What a fault's target fields (see defineFaults) are compared with for this call. */
  target?(call: Call<F>): Record<string, string | undefined>;
  handle(call: Call<F>, ctx: Ctx): Outcome | Promise<Outcome>;
}

export interface Route {
  id: string;
  methods: readonly string[];
  path: RegExp;
  serve(call: Call): Promise<Outcome>;
}

/** Control API routes, keyed "METHOD /path/:param" under /__sim; the answer is JSON (200, or 201 via Created). */
export type ControlRoutes = Record<string, (sim: SimState, request: { body: unknown; params: string[]; url: URL }) => unknown>;

/** A control answer sent with 201 Created. */
export class Created {
  constructor(readonly data: unknown) {}
}

export interface EndpointFamily {
  name: string;
  faults: FaultRules;
  routes: Route[];
  unknown?: Protocol<object>["unknown"];
  control?: ControlRoutes;
}

export function defineFamily<Ctx extends object, F extends FaultSpec>(def: {
  name: string;
  protocol: Protocol<Ctx>;
  faults: FaultRules<F>;
  endpoints: Endpoint<Ctx, F>[];
  /** Control routes for this family's state, e.g. "POST /sales-reports". */
  control?: ControlRoutes;
}): EndpointFamily {
  const { protocol } = def;
  const serve = async (endpoint: Endpoint<Ctx, F>, call: Call<F>): Promise<Outcome> => {
    protocol.describe?.(call);
    const fault = call.sim.faults.take(endpoint.id, endpoint.target?.(call) ?? {}) as F | null;
    if (fault) {
      call.faultKind = fault.kind;
      switch (fault.kind) {
        case "unreachable":
          return call.drop();
        case "timeout":
          return call.hang();
        case "malformed":
          return call.text(200, protocol.truncated);
      }
      if (!def.faults.dataKinds.includes(fault.kind)) return protocol.failure(call, fault.kind as StatusFaultKind, fault);
      call.fault = fault;
    }
    const ctx = await protocol.admit(call);
    if (ctx === null) return;
    return endpoint.handle(call, ctx);
  };
  return {
    name: def.name,
    faults: def.faults,
    unknown: protocol.unknown,
    control: def.control,
    routes: def.endpoints.map((e) => ({ id: e.id, methods: e.methods, path: e.path, serve: (call) => serve(e, call as Call<F>) })),
  };
}

/** Finds the endpoint for a request among all families and runs it; false when no API owns the path. */
export function createRouter(families: readonly EndpointFamily[]) {
  const routes = families.flatMap((f) => f.routes);
  const unknowns = [...new Set(families.map((f) => f.unknown).filter((u) => u !== undefined))];
  return async (sim: SimState, req: IncomingMessage, res: ServerResponse, url: URL, baseUrl: string): Promise<Outcome | false> => {
    const method = req.method ?? "GET";
    for (const route of routes) {
      if (!route.methods.includes(method)) continue;
      const m = route.path.exec(url.pathname);
      if (m) return route.serve(new Call(sim, req, res, url, baseUrl, route.id, m.slice(1).map((p) => decodeURIComponent(p ?? ""))));
    }
    const unknown = unknowns.find((u) => u.owns(url.pathname));
    if (!unknown) return false;
    return unknown.answer(new Call(sim, req, res, url, baseUrl, unknown.endpoint));
  };
}

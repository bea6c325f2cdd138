// The Apple simulator: iTunes Lookup (/lookup) and App Store Connect (/v1/*) on one port, plus /__sim/* control.
// What it serves is the endpoint families in families.ts; what it knows is SimState (state.ts).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createControl } from "./control";
import { createRouter, type EndpointFamily, type Outcome } from "./endpoints";
import { simFamilies } from "./families";
import { sendJson } from "./http";
import type { Scenario, SimOptionsInput } from "./scenario";
import { SimState } from "./state";

export { generateTestKeyPair } from "./keys";
export { SimState } from "./state";
export type * from "./scenario";
export type { SimFaultInput } from "./model/faults";
export type { ReportsConfigInput } from "./model/reports/config";
export type { AnalyticsConfigInput } from "./model/analytics/config";

export interface StartAppleSimOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  scenario?: Scenario;
  options?: SimOptionsInput;
  /** What it serves; default every family in families.ts. */
  families?: readonly EndpointFamily[];
}

export interface RunningAppleSim {
  url: string;
  itunesBaseUrl: string;
  ascBaseUrl: string;
  /** In-process control: the same operations as /__sim/*. */
  sim: SimState;
  stop(): Promise<void>;
}

export async function startAppleSim(opts: StartAppleSimOptions = {}): Promise<RunningAppleSim> {
  const families = opts.families ?? simFamilies;
  const sim = new SimState(opts.scenario ?? {}, opts.options ?? {}, families.map((f) => f.faults));
  const route = createRouter(families);
  const control = createControl(families);
  const host = opts.host ?? "127.0.0.1";
  let baseUrl = "";
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", baseUrl);
    const handle = async () => {
      let outcome: Outcome | false;
      if (url.pathname.startsWith("/__sim")) outcome = await control(sim, req, res, url);
      else outcome = await route(sim, req, res, url, baseUrl);
      if (outcome === false) outcome = sendJson(res, 404, { error: "not found" });
      if (outcome === "hang") {
        // Like an overloaded Apple edge: no answer until the client gives up (or hangMs passes).
        hanging.add(res);
        const timer = setTimeout(() => res.destroy(), sim.options.hangMs);
        res.on("close", () => {
          clearTimeout(timer);
          hanging.delete(res);
        });
      }
    };
    handle().catch((e: unknown) => sendJson(res, 500, { error: e instanceof Error ? e.message : String(e) }));
  });
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    url: baseUrl,
    itunesBaseUrl: baseUrl,
    ascBaseUrl: baseUrl,
    sim,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

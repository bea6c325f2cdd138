// The Google simulator: the OAuth token endpoint (/token), the Reply to Reviews API (/androidpublisher/v3/…) and the
// Cloud Storage JSON API (/storage/v1/…) on one port, plus /__sim/* control.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { handleControl } from "./control";
import { sendJson } from "./http";
import { handleToken } from "./oauth";
import { handlePlay } from "./play";
import type { GoogleScenario, GoogleSimOptionsInput } from "./scenario";
import { GoogleSimState } from "./state";
import { handleStorage } from "./storage";

export { generateServiceAccount, keyFileOf, serviceAccountKeyFile, type TestServiceAccount } from "./keys";
export { GoogleSimState } from "./state";
export type * from "./scenario";

export interface StartGoogleSimOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  scenario?: GoogleScenario;
  options?: GoogleSimOptionsInput;
}

export interface RunningGoogleSim {
  url: string;
  /** GOOGLE_OAUTH_TOKEN_URL */
  tokenUrl: string;
  /** GOOGLE_PLAY_BASE_URL */
  playBaseUrl: string;
  /** GOOGLE_STORAGE_BASE_URL */
  storageBaseUrl: string;
  sim: GoogleSimState;
  stop(): Promise<void>;
}

export async function startGoogleSim(opts: StartGoogleSimOptions = {}): Promise<RunningGoogleSim> {
  const sim = new GoogleSimState(opts.scenario ?? {}, opts.options ?? {});
  const host = opts.host ?? "127.0.0.1";
  let baseUrl = "";
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", baseUrl);
    const handle = async () => {
      let outcome: void | "hang";
      if (url.pathname === "/token" && req.method === "POST") outcome = await handleToken(sim, req, res, `${baseUrl}/token`);
      else if (url.pathname.startsWith("/androidpublisher/")) outcome = await handlePlay(sim, req, res, url);
      else if (url.pathname.startsWith("/storage/v1/")) outcome = await handleStorage(sim, req, res, url);
      else if (url.pathname.startsWith("/__sim")) outcome = await handleControl(sim, req, res, url);
      else outcome = sendJson(res, 404, { error: "not found" });
      if (outcome === "hang") {
        hanging.add(res);
        const timer = setTimeout(() => res.destroy(), sim.options.hangMs);
        res.on("close", () => {
          clearTimeout(timer);
          hanging.delete(res);
        });
      }
    };
    handle().catch((e: unknown) => sendJson(res, 500, { error: { code: 500, message: e instanceof Error ? e.message : String(e), status: "INTERNAL" } }));
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
    tokenUrl: `${baseUrl}/token`,
    playBaseUrl: baseUrl,
    storageBaseUrl: baseUrl,
    sim,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

// Which address a request came from, for the per-client sign-in limit. The start script stamps the socket's
// peer address onto CLIENT_ADDRESS_HEADER after dropping any copy the client sent; X-Forwarded-For is read only
// when TRUST_PROXY says how many reverse proxies stand in front (each appends the address it saw).
// Imported by scripts/start.ts as well, so no server-only here.
import type { IncomingMessage, ServerResponse } from "node:http";

export const CLIENT_ADDRESS_HEADER = "x-starboard-client-address";

/** The client's address: the socket's peer, or with `trustedProxies` hops the entry the outermost trusted proxy appended. */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  const socket = headers.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
  if (trustedProxies <= 0) return socket;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  // [what the client claimed…, what proxy 1 saw, …, what proxy N saw] + the socket (the last proxy itself).
  const chain = [...forwarded, socket];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)];
}

/** Wraps a node:http handler so that every request carries the socket address under CLIENT_ADDRESS_HEADER, and only that. */
export function withClientAddress<R extends IncomingMessage, S extends ServerResponse>(handler: (req: R, res: S) => void | Promise<void>) {
  return (req: R, res: S): void => {
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
    void handler(req, res);
  };
}

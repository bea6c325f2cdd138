// The dashboard's reads in the browser: the same typed /api/v1 client as the CLI and MCP, on this origin, signed in
// by the session cookie. Reads go over GET so that they never queue behind a mutation (server actions run one at a
// time per client).
import type { Endpoint, EndpointInput, EndpointOutput } from "@/lib/api/v1/endpoint";
import { StarboardClient } from "./index";

let client: StarboardClient | undefined;

export function readV1<E extends Endpoint>(endpoint: E, input: EndpointInput<E>): Promise<EndpointOutput<E>> {
  client ??= new StarboardClient({ baseUrl: window.location.origin, client: "dashboard" });
  return client.call(endpoint, input);
}

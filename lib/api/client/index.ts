// The one HTTP client of /api/v1, shared by the `starboard` CLI, the MCP server and the dashboard's reads (plain
// TypeScript, no server imports): builds the request from the endpoint description, parses the answer with the same
// zod schema.
import { fillPath, type Endpoint, type EndpointInput, type EndpointOutput } from "@/lib/api/v1/endpoint";
import { errorBodySchema } from "@/lib/api/v1/schemas/common";

export class StarboardApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly fieldErrors?: Record<string, string>,
    public readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "StarboardApiError";
  }
}

export interface StarboardClientOptions {
  baseUrl: string;
  /** The agent key; without one (the dashboard in the browser) the session cookie signs the request in. */
  apiKey?: string;
  /** Sent as x-starboard-client (e.g. "cli", "mcp"). */
  client?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export class StarboardClient {
  private readonly baseUrl: string;

  constructor(private readonly options: StarboardClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
  }

  async call<E extends Endpoint>(endpoint: E, input: EndpointInput<E>): Promise<EndpointOutput<E>> {
    const values = input as Record<string, unknown>;
    const url = new URL(this.baseUrl + fillPath(endpoint, values));
    for (const name of Object.keys(endpoint.query.shape)) {
      const v = values[name];
      if (v !== undefined && v !== null && v !== "") url.searchParams.set(name, String(v));
    }
    const body = endpoint.body ? Object.fromEntries(Object.keys(endpoint.body.shape).filter((k) => values[k] !== undefined).map((k) => [k, values[k]])) : undefined;
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    if (this.options.client) headers["x-starboard-client"] = this.options.client;
    if (body) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(url, {
        method: endpoint.method,
        headers,
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
      });
    } catch (error) {
      throw new StarboardApiError(0, "network_error", `Could not reach Starboard at ${this.baseUrl}: ${(error as Error).message}`);
    }
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: reported below with the status.
    }
    if (!response.ok) {
      const parsed = errorBodySchema.safeParse(json);
      if (parsed.success) {
        const e = parsed.data.error;
        throw new StarboardApiError(response.status, e.code, e.message, e.fieldErrors, e.retryAfterSeconds);
      }
      throw new StarboardApiError(response.status, "http_error", `Starboard answered HTTP ${response.status} ${response.statusText}`.trim());
    }
    const parsed = endpoint.response.safeParse(json);
    if (!parsed.success) throw new StarboardApiError(response.status, "bad_response", `Unexpected answer from ${url.pathname}: ${parsed.error.issues[0]?.message ?? "invalid"}. Is the server the same version?`);
    return parsed.data as EndpointOutput<E>;
  }
}

/** "message" plus one line per invalid field: what the CLI prints and MCP returns. */
export function describeApiError(error: unknown): string {
  if (error instanceof StarboardApiError) {
    const fields = Object.entries(error.fieldErrors ?? {}).map(([k, v]) => `  ${k}: ${v}`);
    return [error.message, ...fields].join("\n");
  }
  return error instanceof Error ? error.message : String(error);
}

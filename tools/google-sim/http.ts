import type { IncomingMessage, ServerResponse } from "node:http";

export function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(body), headers);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Google's JSON error envelope (AIP-193), with an ErrorInfo reason or the older errors[] form. */
export function googleError(code: number, status: string, message: string, extra: { reason?: string; domain?: string; legacy?: boolean } = {}) {
  if (extra.legacy) return { error: { code, message, errors: [{ message, domain: extra.domain ?? "global", reason: extra.reason ?? status.toLowerCase() }], status } };
  return {
    error: {
      code,
      message,
      status,
      ...(extra.reason ? { details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: extra.reason, domain: extra.domain ?? "googleapis.com" }] } : {}),
    },
  };
}

// Test doubles that are real servers: an SMTP sink (smtp-server) and an HTTP webhook receiver (node:http).
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  /** The raw message with quoted-printable soft breaks and =3D undone, for content checks. */
  decoded: string;
  subject: string;
}

export async function startSmtpSink(): Promise<{ url: string; mails: ReceivedMail[]; stop(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const subject = /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? "";
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          decoded: raw.replace(/=\r?\n/g, "").replace(/=3D/g, "="),
          subject,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * Answers each POST with `status.code` (or 503 while `status.failNext` > 0); records every request with its raw body,
 * and counts connections (a refused send must not even connect). Listens on a loopback address (127.0.0.1 unless given).
 */
export async function startWebhookReceiver(host = "127.0.0.1"): Promise<{
  url: (path?: string) => string;
  port: number;
  requests: ReceivedRequest[];
  connections: () => number;
  status: { code: number; failNext: number; body?: string };
  stop(): Promise<void>;
}> {
  const requests: ReceivedRequest[] = [];
  const status: { code: number; failNext: number; body?: string } = { code: 200, failNext: 0 };
  let connections = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const code = status.failNext > 0 ? (status.failNext--, 503) : status.code;
      res.writeHead(code, { "content-type": "text/plain" }).end(status.body ?? (code < 300 ? "ok" : "receiver is down"));
    });
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = "/hook") => `http://${host}:${port}${path}`,
    port,
    requests,
    connections: () => connections,
    status,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

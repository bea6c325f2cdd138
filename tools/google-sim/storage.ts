// /storage/v1/b/{bucket}/o (list by prefix, paged) and /storage/v1/b/{bucket}/o/{object}?alt=media (download), shaped
// like the Cloud Storage JSON API, serving the Play Console report files.
import type { IncomingMessage, ServerResponse } from "node:http";
import { googleError, send, sendJson } from "./http";
import { authenticate } from "./play";
import { encodeReport, generationOf, reportObjects, withMalformedLine } from "./reports";
import type { GoogleSimEndpoint } from "./scenario";
import type { GoogleSimState } from "./state";

const STORAGE_SCOPE = "https://www.googleapis.com/auth/devstorage.read_only";
const ROUTE = /^\/storage\/v1\/b\/([^/]+)\/o(?:\/([^/]+))?$/;

export async function handleStorage(sim: GoogleSimState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void | "hang"> {
  const method = req.method ?? "GET";
  const m = ROUTE.exec(url.pathname);
  const bucket = decodeURIComponent(m?.[1] ?? "");
  // An object name with a raw "/" reaches another path (and no route here): names must be encoded, %2F included.
  const objectName = m?.[2] ? decodeURIComponent(m[2]) : null;
  const endpoint: GoogleSimEndpoint | "storage.unknown" = !m || method !== "GET" ? "storage.unknown" : objectName ? "storage.download" : "storage.list";
  let account: string | undefined;
  const reply = (status: number, body: unknown, fault?: string) => {
    sim.record({ method, path: url.pathname, endpoint, status, account, fault: fault as never });
    if (typeof body === "string") send(res, status, body, { "content-type": "text/plain; charset=utf-8" });
    else sendJson(res, status, body);
  };
  if (endpoint === "storage.unknown") return reply(404, "Not Found");
  if (endpoint === "storage.download" && url.searchParams.get("alt") !== "media") return reply(400, googleError(400, "INVALID_ARGUMENT", "Only alt=media downloads are simulated."));

  const fault = sim.takeFault(endpoint, objectName ?? url.searchParams.get("prefix") ?? "");
  const dataFault = fault && (fault.kind === "malformed_csv_line" || fault.kind === "odd_text") ? fault.kind : null;
  if (fault && !dataFault) {
    switch (fault.kind) {
      case "unreachable":
        sim.record({ method, path: url.pathname, endpoint, status: 0, fault: "unreachable" });
        req.socket.destroy();
        return;
      case "timeout":
        sim.record({ method, path: url.pathname, endpoint, status: 0, fault: "timeout" });
        return "hang";
      case "malformed":
        sim.record({ method, path: url.pathname, endpoint, status: 200, fault: "malformed" });
        return send(res, 200, '{"kind":"storage#objects","items":[');
      case "401":
        return reply(401, googleError(401, "UNAUTHENTICATED", "Invalid Credentials", { legacy: true, reason: "authError" }), fault.kind);
      case "403":
        return reply(403, bucketForbidden(account ?? "service-account", bucket, objectName), fault.kind);
      case "api_disabled":
        return reply(403, googleError(403, "PERMISSION_DENIED", "Cloud Storage JSON API has not been used in project 123456789012 before or it is disabled.", { reason: "SERVICE_DISABLED" }), fault.kind);
      case "bucket_missing":
        return reply(404, googleError(404, "NOT_FOUND", "The specified bucket does not exist.", { legacy: true, reason: "notFound" }), fault.kind);
      case "429":
        return reply(429, googleError(429, "RESOURCE_EXHAUSTED", "The rate of change requests to the object is too high.", { legacy: true, reason: "rateLimitExceeded" }), fault.kind);
      default:
        if (/^\d+$/.test(fault.kind)) return reply(Number(fault.kind), googleError(Number(fault.kind), "INTERNAL", "Backend Error", { legacy: true, reason: "backendError" }), fault.kind);
    }
  }

  const auth = authenticate(sim, req.headers.authorization, STORAGE_SCOPE);
  if ("error" in auth) return reply(auth.status, auth.error);
  account = auth.account.clientEmail;
  if (bucket !== sim.scenario.bucket) return reply(404, googleError(404, "NOT_FOUND", "The specified bucket does not exist.", { legacy: true, reason: "notFound" }));
  if (!auth.account.bucketAccess) return reply(403, bucketForbidden(account, bucket, objectName));

  const objects = reportObjects(sim, { oddText: dataFault === "odd_text" });
  if (endpoint === "storage.list") {
    const prefix = url.searchParams.get("prefix") ?? "";
    const max = Math.min(1000, Math.max(1, Number(url.searchParams.get("maxResults") ?? 1000) || 1000));
    const token = url.searchParams.get("pageToken");
    const start = token ? Number(Buffer.from(token, "base64url").toString("utf8")) || 0 : 0;
    const matching = objects.filter((o) => o.name.startsWith(prefix));
    const page = matching.slice(start, start + max);
    const body: Record<string, unknown> = { kind: "storage#objects" };
    if (page.length > 0) {
      body.items = page.map((o) => {
        const bytes = encodeReport(o.text);
        return { kind: "storage#object", id: `${bucket}/${o.name}`, name: o.name, bucket, generation: generationOf(o.text), contentType: "text/csv", size: String(bytes.length), updated: new Date(sim.now()).toISOString() };
      });
    }
    if (start + max < matching.length) body.nextPageToken = Buffer.from(String(start + max)).toString("base64url");
    return reply(200, body);
  }

  const object = objects.find((o) => o.name === objectName);
  if (!object) return reply(404, `No such object: ${bucket}/${objectName}`);
  const text = dataFault === "malformed_csv_line" ? withMalformedLine(object.text) : object.text;
  const bytes = encodeReport(text);
  sim.record({ method, path: url.pathname, endpoint, status: 200, account, fault: dataFault ?? undefined });
  if (res.headersSent || res.destroyed) return;
  // Sent in small writes, so a client reads it as a stream (odd chunk sizes split UTF-16 code units too).
  res.writeHead(200, { "content-type": "text/csv", "content-length": String(bytes.length), "x-goog-generation": generationOf(text) });
  for (let i = 0; i < bytes.length; i += 4093) res.write(bytes.subarray(i, i + 4093));
  res.end();
}

function bucketForbidden(account: string, bucket: string, objectName: string | null) {
  const what = objectName ? `storage.objects.get access to the Google Cloud Storage object ${bucket}/${objectName}` : `storage.objects.list access to the Google Cloud Storage bucket ${bucket}`;
  return googleError(403, "PERMISSION_DENIED", `${account} does not have ${what}. Permission 'storage.objects.${objectName ? "get" : "list"}' denied on resource (or it may not exist).`, { legacy: true, reason: "forbidden" });
}

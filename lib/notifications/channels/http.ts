import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { checkEndpointUrl, type CheckedTarget } from "./address-policy";

/**
 * POSTs JSON to a Slack or webhook URL within timeoutMs. The URL's address is checked (address-policy) and the
 * connection pinned to it. Anything but 2xx is an error that says only the status: a receiver's body is never
 * echoed, and every network failure (refused, reset, timed out) reads the same, so the answer reveals nothing
 * about what listens where.
 */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<void> {
  const target = await checkEndpointUrl(url);
  const status = await post(target, body, headers, timeoutMs);
  if (status >= 200 && status < 300) return;
  throw new Error(`The receiver answered HTTP ${status}.`);
}

function pinnedLookup(target: CheckedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

function post(target: CheckedTarget, body: string, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const client = target.url.protocol === "https:" ? https : http;
    const request = client.request(
      target.url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Starboard-Notifications/1",
          "content-length": String(Buffer.byteLength(body)),
          ...headers,
        },
        // A fresh connection to the checked address: a second DNS answer (rebinding) or a pooled socket never decides.
        lookup: pinnedLookup(target),
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", () => reject(new Error("Could not reach the receiver.")));
    request.end(body);
  });
}

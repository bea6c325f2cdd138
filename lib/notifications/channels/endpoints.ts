import "server-only";
// Slack incoming webhooks and signed generic webhooks.
import { openSecret } from "@/lib/crypto/secret-box";
import { config, env } from "@/lib/env";
import { postJson } from "./http";
import type { DeliveryPayload } from "../payload";
import { renderSlack, renderWebhookBody } from "../render";
import { endpointAad } from "../secrets";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from "../signature";

/** The sealed parts of a notification_endpoints row that sending needs. */
export interface SealedEndpoint {
  id: string;
  kind: string;
  urlSealed: string;
  secretSealed: string | null;
}

/**
 * Sends one payload to a project's Slack channel or webhook: opens the sealed URL (and a webhook's secret) and
 * posts within the configured delivery timeout. Throws what the receiver said; the delivery runner and the
 * "send a test message" button share it, so a test exercises exactly what real deliveries do.
 */
export async function sendToEndpoint(endpoint: SealedEndpoint, payload: DeliveryPayload, deliveryId: string): Promise<void> {
  const url = openSecret(endpoint.urlSealed, endpointAad(endpoint.id, "url"));
  if (endpoint.kind === "slack") return postToSlack(url, payload, config().deliveries.timeoutMs);
  const secret = openSecret(endpoint.secretSealed ?? "", endpointAad(endpoint.id, "secret"));
  return postToWebhook({ url, secret, deliveryId, payload, timeoutMs: config().deliveries.timeoutMs });
}

async function postToSlack(url: string, payload: DeliveryPayload, timeoutMs: number) {
  await postJson(url, JSON.stringify(renderSlack(payload, env().APP_URL)), {}, timeoutMs);
}

async function postToWebhook(input: { url: string; secret: string; deliveryId: string; payload: DeliveryPayload; timeoutMs: number }) {
  const body = JSON.stringify(renderWebhookBody(input.payload, input.deliveryId, env().APP_URL));
  // Signed at send time: each retry carries a fresh timestamp, so receivers can keep a short replay window.
  const timestamp = Math.floor(Date.now() / 1000);
  await postJson(
    input.url,
    body,
    {
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signWebhook(input.secret, timestamp, body),
      "x-starboard-event": input.payload.type,
      "x-starboard-delivery": input.deliveryId,
    },
    input.timeoutMs,
  );
}

import "server-only";
// Slack incoming webhooks and signed generic webhooks.
import { env } from "@/lib/env";
import { postJson } from "./http";
import type { DeliveryPayload } from "../payload";
import { renderSlack, renderWebhookBody } from "../render";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from "../signature";

export async function postToSlack(url: string, payload: DeliveryPayload, timeoutMs: number) {
  await postJson(url, JSON.stringify(renderSlack(payload, env().APP_URL)), {}, timeoutMs);
}

export async function postToWebhook(input: { url: string; secret: string; deliveryId: string; payload: DeliveryPayload; timeoutMs: number }) {
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

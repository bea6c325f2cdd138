// Webhook signatures: HMAC-SHA256 over "<unix seconds>.<raw body>" with the endpoint's secret. The timestamp
// is signed too, so a captured request cannot be replayed after the tolerance window.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-starboard-signature";
export const TIMESTAMP_HEADER = "x-starboard-timestamp";
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export type VerifyResult = { ok: true } | { ok: false; reason: "missing" | "stale" | "mismatch" };

/** What a receiver runs: recompute the HMAC, compare in constant time, refuse old or future timestamps. */
export function verifyWebhookSignature(input: {
  secret: string;
  body: string;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  nowSeconds?: number;
  toleranceSeconds?: number;
}): VerifyResult {
  const ts = Number(input.timestamp);
  if (!input.signature || !input.timestamp || !Number.isInteger(ts)) return { ok: false, reason: "missing" };
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - ts) > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { ok: false, reason: "stale" };
  const expected = Buffer.from(signWebhook(input.secret, ts, input.body));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: "mismatch" };
}

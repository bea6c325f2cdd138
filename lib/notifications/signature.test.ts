import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signWebhook, verifyWebhookSignature } from "./signature";

describe("webhook signatures", () => {
  const secret = generateWebhookSecret();
  const body = JSON.stringify({ type: "app.review_new", title: "2 new reviews" });
  const now = 1_800_000_000;

  it("verifies what it signed", () => {
    const signature = signWebhook(secret, now, body);
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret, body, signature, timestamp: String(now), nowSeconds: now + 10 })).toEqual({ ok: true });
  });

  it("refuses a changed body, another secret and a missing header", () => {
    const signature = signWebhook(secret, now, body);
    expect(verifyWebhookSignature({ secret, body: `${body} `, signature, timestamp: String(now), nowSeconds: now })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature({ secret: generateWebhookSecret(), body, signature, timestamp: String(now), nowSeconds: now })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature({ secret, body, signature: undefined, timestamp: String(now), nowSeconds: now })).toEqual({ ok: false, reason: "missing" });
  });

  it("refuses a replay outside the tolerance window, and a timestamp moved to look fresh", () => {
    const signature = signWebhook(secret, now, body);
    expect(verifyWebhookSignature({ secret, body, signature, timestamp: String(now), nowSeconds: now + 301 })).toEqual({ ok: false, reason: "stale" });
    expect(verifyWebhookSignature({ secret, body, signature, timestamp: String(now + 301), nowSeconds: now + 301 })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("gives every endpoint its own secret", () => {
    expect(generateWebhookSecret()).not.toBe(generateWebhookSecret());
    expect(generateWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
  });
});

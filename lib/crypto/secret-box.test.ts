import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SecretBoxError, openSecret, sealSecret } from "./secret-box";

const key = randomBytes(32).toString("base64");
const pem = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";

describe("secret box", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = sealSecret(pem, "integration:p1", key);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("MIGHAgEA");
    expect(openSecret(sealed, "integration:p1", key)).toBe(pem);
  });

  it("uses a fresh IV each time", () => {
    expect(sealSecret(pem, "a", key)).not.toBe(sealSecret(pem, "a", key));
  });

  it("refuses another row's ciphertext, a wrong key and tampering", () => {
    const sealed = sealSecret(pem, "integration:p1", key);
    expect(() => openSecret(sealed, "integration:p2", key)).toThrow(SecretBoxError);
    expect(() => openSecret(sealed, "integration:p1", randomBytes(32).toString("hex"))).toThrow(SecretBoxError);
    const parts = sealed.split(".");
    parts[3] = (parts[3][0] === "A" ? "B" : "A") + parts[3].slice(1);
    expect(() => openSecret(parts.join("."), "integration:p1", key)).toThrow(SecretBoxError);
  });

  it("explains a missing key without echoing anything", () => {
    expect(() => sealSecret(pem, "a", "short")).toThrow(/ENCRYPTION_KEY/);
  });
});

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SecretBoxError, createSecretBox } from "./secret-box";

const key = randomBytes(32).toString("base64");
const pem = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";

describe("secret box", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = createSecretBox(key).seal(pem, "integration:p1");
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("MIGHAgEA");
    expect(createSecretBox(key).open(sealed, "integration:p1")).toBe(pem);
  });

  it("uses a fresh IV each time", () => {
    expect(createSecretBox(key).seal(pem, "a")).not.toBe(createSecretBox(key).seal(pem, "a"));
  });

  it("refuses another row's ciphertext, a wrong key and tampering", () => {
    const sealed = createSecretBox(key).seal(pem, "integration:p1");
    expect(() => createSecretBox(key).open(sealed, "integration:p2")).toThrow(SecretBoxError);
    expect(() => createSecretBox(randomBytes(32).toString("hex")).open(sealed, "integration:p1")).toThrow(SecretBoxError);
    const parts = sealed.split(".");
    parts[3] = (parts[3][0] === "A" ? "B" : "A") + parts[3].slice(1);
    expect(() => createSecretBox(key).open(parts.join("."), "integration:p1")).toThrow(SecretBoxError);
  });

  it("explains a missing key without echoing anything", () => {
    expect(() => createSecretBox("short").seal(pem, "a")).toThrow(/ENCRYPTION_KEY/);
  });
});

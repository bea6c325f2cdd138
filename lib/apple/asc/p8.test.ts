import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateTestKeyPair } from "@/tools/apple-sim/keys";
import { P8KeyError, keyIdFromFileName, parseP8Key, validateP8 } from "./p8";

function pem(type: "rsa" | "ec", curve?: string, format: "pkcs8" | "sec1" = "pkcs8") {
  const { privateKey, publicKey } =
    type === "rsa" ? generateKeyPairSync("rsa", { modulusLength: 2048 }) : generateKeyPairSync("ec", { namedCurve: curve ?? "prime256v1" });
  return { priv: privateKey.export({ type: format === "sec1" ? "sec1" : "pkcs8", format: "pem" }).toString(), pub: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

const CERT = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----\n";

describe("validateP8", () => {
  it("accepts a PKCS#8 P-256 key, also with Windows line ends and stray spaces", () => {
    const { privateKeyPem } = generateTestKeyPair();
    expect(validateP8(privateKeyPem).ok).toBe(true);
    expect(validateP8(`  ${privateKeyPem.replace(/\n/g, "\r\n")}  `).ok).toBe(true);
  });

  it.each([
    ["", /empty/],
    ["hello", /not a PEM/],
    [CERT, /certificate, not a private key/],
    [pem("ec").pub, /public key/],
    [pem("ec", "prime256v1", "sec1").priv, /SEC1.*PKCS#8/],
    [pem("rsa").priv, /RSA key/],
    [pem("ec", "secp384r1").priv, /curve secp384r1/],
    ["-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n-----END PRIVATE KEY-----", /damaged or truncated/],
    ["-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49", /END PRIVATE KEY/],
  ])("explains what is wrong (%#)", (text, message) => {
    const result = validateP8(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it("never echoes key material in the message", () => {
    const rsa = pem("rsa").priv;
    const result = validateP8(rsa);
    if (!result.ok) expect(result.error).not.toContain(rsa.split("\n")[1]);
    expect(() => parseP8Key(rsa)).toThrow(P8KeyError);
  });
});

describe("keyIdFromFileName", () => {
  it("reads Apple's file names", () => {
    expect(keyIdFromFileName("AuthKey_ABC123DEFG.p8")).toBe("ABC123DEFG");
    expect(keyIdFromFileName("downloads/AuthKey_2X9R4HXF34 (1).p8")).toBe("2X9R4HXF34");
    expect(keyIdFromFileName("key.p8")).toBeNull();
  });
});

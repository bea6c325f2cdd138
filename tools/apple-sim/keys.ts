// Test key pairs shaped like App Store Connect's: PKCS#8 PEM private key (the .p8), SPKI PEM public key.
import { generateKeyPairSync } from "node:crypto";

export interface TestKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

export function generateTestKeyPair(): TestKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

/** A 10-character key id like Apple's (e.g. "2X9R4HXF34"). */

// Service-account keys shaped like Google's JSON key files (RSA, PKCS#8 PEM inside).
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { GoogleScenario } from "./scenario";

export interface TestServiceAccount {
  clientEmail: string;
  privateKeyId: string;
  privateKeyPem: string;
  publicKeyPem: string;
  /** The JSON key file as Google's console downloads it. */
  keyFile: string;
}

export function serviceAccountKeyFile(a: { clientEmail: string; privateKeyId: string; privateKeyPem: string; projectId?: string }): string {
  return JSON.stringify(
    {
      type: "service_account",
      project_id: a.projectId ?? a.clientEmail.split("@")[1]?.split(".")[0] ?? "sim-project",
      private_key_id: a.privateKeyId,
      private_key: a.privateKeyPem,
      client_email: a.clientEmail,
      client_id: String(100000000000000000000n + BigInt(`0x${randomBytes(6).toString("hex")}`)),
      auth_uri: "https://accounts.google.com/o/oauth2/auth",
      token_uri: "https://oauth2.googleapis.com/token",
      auth_provider_x509_cert_url: "https://www.googleapis.com/oauth2/v1/certs",
      client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(a.clientEmail)}`,
      universe_domain: "googleapis.com",
    },
    null,
    2,
  );
}

export function generateServiceAccount(clientEmail = `reviews-${randomBytes(3).toString("hex")}@sim-project.iam.gserviceaccount.com`): TestServiceAccount {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const privateKeyId = randomBytes(20).toString("hex");
  return {
    clientEmail,
    privateKeyId,
    privateKeyPem,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    keyFile: serviceAccountKeyFile({ clientEmail, privateKeyId, privateKeyPem }),
  };
}

/**
 * A key file that outlives the simulator (the demo's, `npm run google-sim -- --write-key`): the scenario's first account
 * without a public key takes the key of an existing file at `keyPath` instead of a new pair, so a key already saved in
 * Starboard stays valid across restarts. Call before starting; after starting, `save` writes the file when it was not
 * reused. Null when every account of the scenario has its own public key.
 */
export function keyFileOf(scenario: GoogleScenario, keyPath: string): { clientEmail: string; reused: boolean; save(keyFile: (clientEmail: string) => string | null): void } | null {
  const account = scenario.accounts?.find((a) => !a.publicKeyPem);
  if (!account) return null;
  const reused = existsSync(keyPath);
  if (reused) {
    const file = JSON.parse(readFileSync(keyPath, "utf8")) as { private_key: string; private_key_id?: string };
    account.publicKeyPem = createPublicKey(createPrivateKey(file.private_key)).export({ type: "spki", format: "pem" }).toString();
    account.privateKeyId = file.private_key_id;
  }
  return {
    clientEmail: account.clientEmail,
    reused,
    save(keyFile) {
      const text = reused ? null : keyFile(account.clientEmail);
      if (text) writeFileSync(keyPath, text, { mode: 0o600 });
    },
  };
}

import "server-only";
// AES-256-GCM for secrets at rest (the .p8 private keys). Format: "v1.<iv>.<tag>.<ciphertext>", base64url parts.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { decodeKey } from "@/lib/env-schema";

const VERSION = "v1";

export class SecretBoxError extends Error {
  override readonly name = "SecretBoxError";
}

function keyFrom(raw: string | undefined): Buffer {
  const key = raw ? decodeKey(raw) : null;
  if (!key) throw new SecretBoxError("ENCRYPTION_KEY is missing or not 32 bytes: stored keys cannot be encrypted or read.");
  return key;
}

export interface SecretBox {
  /** Encrypts; additional data binds the ciphertext to its row (a copied value will not open elsewhere). */
  seal(plaintext: string, aad: string): string;
  /** Throws SecretBoxError (never echoing the secret) when the key is wrong or the ciphertext was altered. */
  open(sealed: string, aad: string): string;
}

/** A box for one key (32 bytes as hex or base64, the ENCRYPTION_KEY format). */
export function createSecretBox(rawKey: string | undefined): SecretBox {
  return {
    seal(plaintext, aad) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", keyFrom(rawKey), iv);
      cipher.setAAD(Buffer.from(aad, "utf8"));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
    },
    open(sealed, aad) {
      const parts = sealed.split(".");
      if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretBoxError("The stored secret has an unknown format.");
      const [, iv, tag, data] = parts;
      try {
        const decipher = createDecipheriv("aes-256-gcm", keyFrom(rawKey), Buffer.from(iv, "base64url"));
        decipher.setAAD(Buffer.from(aad, "utf8"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
      } catch (error) {
        if (error instanceof SecretBoxError) throw error;
        throw new SecretBoxError("The stored secret cannot be decrypted: ENCRYPTION_KEY changed or the data was altered.");
      }
    },
  };
}

/** Encrypts with the configured ENCRYPTION_KEY. */
export function sealSecret(plaintext: string, aad: string): string {
  return createSecretBox(env().ENCRYPTION_KEY).seal(plaintext, aad);
}

/** Decrypts with the configured ENCRYPTION_KEY. */
export function openSecret(sealed: string, aad: string): string {
  return createSecretBox(env().ENCRYPTION_KEY).open(sealed, aad);
}

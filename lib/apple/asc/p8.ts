import "server-only";
// Checks an uploaded .p8 before it is stored: it must be a PKCS#8 PEM EC P-256 private key.
import { createPrivateKey, type KeyObject } from "node:crypto";

export type P8Validation = { ok: true; key: KeyObject; pem: string } | { ok: false; error: string };

export class P8KeyError extends Error {
  override readonly name = "P8KeyError";
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

/** Never echoes the key material back: messages only describe what is wrong. */
export function validateP8(text: string | null | undefined): P8Validation {
  const trimmed = (text ?? "").replace(/^\uFEFF/, "").trim();
  if (trimmed === "") return fail("The key is empty. Paste the contents of the AuthKey_<KEY_ID>.p8 file.");
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(trimmed)?.[1];
  if (!label) {
    return fail("This is not a PEM key: an App Store Connect key (.p8) starts with \"-----BEGIN PRIVATE KEY-----\".");
  }
  switch (label) {
    case "CERTIFICATE":
      return fail("This is a certificate, not a private key. Download the API key (.p8) from App Store Connect → Users and Access → Integrations.");
    case "PUBLIC KEY":
      return fail("This is a public key. Starboard needs the private key from the .p8 file.");
    case "RSA PRIVATE KEY":
      return fail("This is an RSA key. App Store Connect keys are EC P-256 keys in a .p8 file.");
    case "EC PRIVATE KEY":
      return fail("This is a SEC1 \"EC PRIVATE KEY\". Export it as PKCS#8 (\"BEGIN PRIVATE KEY\"), e.g. openssl pkcs8 -topk8 -nocrypt -in key.pem -out AuthKey.p8.");
    case "ENCRYPTED PRIVATE KEY":
      return fail("This private key is encrypted with a passphrase. Use the unencrypted .p8 file downloaded from App Store Connect.");
    case "PRIVATE KEY":
      break;
    default:
      return fail(`This PEM block is a "${label.toLowerCase()}", not a private key. Use the .p8 file from App Store Connect.`);
  }
  const block = PEM_BLOCK.exec(trimmed);
  if (!block) return fail("The key is incomplete: the \"-----END PRIVATE KEY-----\" line is missing.");
  const pem = `-----BEGIN PRIVATE KEY-----\n${block[2].replace(/\s+/g, "").replace(/(.{64})/g, "$1\n").replace(/\n$/, "")}\n-----END PRIVATE KEY-----\n`;
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: "pem" });
  } catch {
    return fail("The key could not be read: the file looks damaged or truncated. Download a new key from App Store Connect.");
  }
  if (key.asymmetricKeyType === "rsa" || key.asymmetricKeyType === "rsa-pss") {
    return fail("This is an RSA key. App Store Connect keys are EC P-256 keys in a .p8 file.");
  }
  if (key.asymmetricKeyType !== "ec") {
    return fail(`This is a ${key.asymmetricKeyType ?? "unknown"} key. App Store Connect keys are EC P-256 keys.`);
  }
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (curve !== "prime256v1") {
    return fail(`This EC key uses the curve ${curve ?? "unknown"}. App Store Connect keys use P-256 (prime256v1).`);
  }
  return { ok: true, key, pem };
}

/** Like validateP8 but throws P8KeyError with the same message. */
export function parseP8Key(text: string): KeyObject {
  const result = validateP8(text);
  if (!result.ok) throw new P8KeyError(result.error);
  return result.key;
}

/** "AuthKey_ABC123DEFG.p8" → "ABC123DEFG"; null when the name does not carry a key id. */
export function keyIdFromFileName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const m = /^(?:ApiKey|AuthKey|SubscriptionKey)_([A-Z0-9]{8,12})(?: ?\(\d+\))?\.p8$/i.exec(base);
  return m ? m[1].toUpperCase() : null;
}

function fail(error: string): P8Validation {
  return { ok: false, error };
}

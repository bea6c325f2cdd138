// Checks an uploaded Google service-account JSON key before it is stored. Messages say what is wrong and never
// echo any part of the key.
import { createPrivateKey, type KeyObject } from "node:crypto";
import { z } from "zod";

/** The fields Starboard keeps of a key file (Google's file has a few more, such as auth_provider_x509_cert_url). */
export const serviceAccountKeySchema = z.object({
  type: z.literal("service_account"),
  project_id: z.string().optional(),
  private_key_id: z.string().optional(),
  private_key: z.string().min(1),
  client_email: z.email(),
  client_id: z.string().optional(),
  token_uri: z.url().optional(),
});
export type ServiceAccountKey = z.infer<typeof serviceAccountKeySchema>;

export type ServiceAccountValidation =
  | { ok: true; key: ServiceAccountKey; privateKey: KeyObject }
  | { ok: false; error: string };

const FIELD_MESSAGES: Record<string, string> = {
  type: 'The file is not a service account key: its "type" must be "service_account".',
  private_key: 'The key file has no "private_key". Download a new JSON key for the service account.',
  client_email: 'The key file has no valid "client_email". Download a new JSON key for the service account.',
  token_uri: 'The key file\'s "token_uri" is not a URL. Download a new JSON key for the service account.',
};

/**
 * A key whose private_key lost its line breaks to literal "\n" (copied out of the JSON into a variable and pasted
 * back) is repaired rather than refused: Google would only answer "Invalid JWT Signature".
 */
function repairPem(pem: string): string {
  return pem.includes("\\n") ? pem.replace(/\\r\\n|\\n/g, "\n") : pem;
}

export function validateServiceAccountKey(text: string | null | undefined): ServiceAccountValidation {
  const trimmed = (text ?? "").replace(/^\uFEFF/, "").trim();
  if (trimmed === "") return fail("The key is empty. Upload the service account's JSON key file.");
  if (trimmed.startsWith("-----BEGIN")) {
    return fail("This is a PEM key, not a service account key file. In Google Cloud → IAM & Admin → Service accounts → Keys, create a key of type JSON and upload that file.");
  }
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return fail("This is not a JSON key file. In Google Cloud → IAM & Admin → Service accounts → Keys, create a key of type JSON (not P12) and upload that file.");
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) return fail("This JSON is not a service account key file.");
  const type = (json as { type?: unknown }).type;
  if (type === "authorized_user") return fail("This is a user's sign-in credentials file (authorized_user), not a service account key. Create a JSON key for a service account.");
  if (type === "external_account") return fail("This is a workload identity federation configuration, not a service account key. Create a JSON key for a service account.");
  const parsed = serviceAccountKeySchema.safeParse(json);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "");
    return fail(FIELD_MESSAGES[field] ?? `The key file's "${field}" is not as Google writes it. Download a new JSON key for the service account.`);
  }
  const key = { ...parsed.data, private_key: repairPem(parsed.data.private_key) };
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: key.private_key, format: "pem" });
  } catch {
    return fail('The key file\'s "private_key" cannot be read: the file looks damaged or edited. Download a new JSON key for the service account.');
  }
  if (privateKey.asymmetricKeyType !== "rsa") return fail('The key file\'s "private_key" is not an RSA key, as Google\'s service account keys are.');
  return { ok: true, key, privateKey };
}

export class ServiceAccountKeyError extends Error {
  override readonly name = "ServiceAccountKeyError";
}

/** Like validateServiceAccountKey, but throws ServiceAccountKeyError with the same message. */
export function parseServiceAccountKey(text: string): { key: ServiceAccountKey; privateKey: KeyObject } {
  const result = validateServiceAccountKey(text);
  if (!result.ok) throw new ServiceAccountKeyError(result.error);
  return result;
}

function fail(error: string): ServiceAccountValidation {
  return { ok: false, error };
}

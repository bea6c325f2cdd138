import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { validateServiceAccountKey } from "./service-account";

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const ec = generateKeyPairSync("ec", { namedCurve: "prime256v1" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const keyFile = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: "service_account",
    project_id: "starboard-play",
    private_key_id: "3f1c0e8a9b",
    private_key: rsa,
    client_email: "reviews@starboard-play.iam.gserviceaccount.com",
    client_id: "1049",
    auth_uri: "https://accounts.google.com/o/oauth2/auth",
    token_uri: "https://oauth2.googleapis.com/token",
    ...over,
  });
const body = rsa.split("\n").filter((l) => l && !l.startsWith("-----"));

describe("validateServiceAccountKey", () => {
  it("accepts Google's JSON key and keeps only the fields Starboard uses", () => {
    const result = validateServiceAccountKey(keyFile());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.key).sort()).toEqual(["client_email", "client_id", "private_key", "private_key_id", "project_id", "token_uri", "type"]);
    expect(result.privateKey.asymmetricKeyType).toBe("rsa");
  });

  it("repairs a private_key whose line breaks became literal \\n", () => {
    const flattened = keyFile({ private_key: rsa.replace(/\n/g, "\\n") });
    const result = validateServiceAccountKey(flattened);
    expect(result.ok && result.key.private_key).toBe(rsa);
  });

  it.each([
    ["", /empty/],
    ["not json", /not a JSON key file/],
    [rsa, /PEM key, not a service account key file/],
    ["[1]", /not a service account key/],
    [JSON.stringify({ type: "authorized_user", client_id: "x", refresh_token: "y" }), /authorized_user/],
    [keyFile({ type: "external_account" }), /workload identity/],
    [keyFile({ type: "user" }), /"type" must be "service_account"/],
    [keyFile({ private_key: undefined }), /no "private_key"/],
    [keyFile({ client_email: "nobody" }), /no valid "client_email"/],
    [keyFile({ private_key: rsa.slice(0, 200) }), /cannot be read/],
    [keyFile({ private_key: ec }), /not an RSA key/],
  ])("refuses %#: %s", (text, message) => {
    const result = validateServiceAccountKey(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(message);
    for (const line of body) expect(result.error).not.toContain(line.slice(0, 20));
  });
});

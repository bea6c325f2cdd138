import { decodeJwt, decodeProtectedHeader } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import { generateTestKeyPair } from "@/tools/apple-sim/keys";
import { createAscTokenCache, createTokenProvider, mintAscToken, TOKEN_LIFETIME_SECONDS, type AscTokenCache } from "./token";

const { privateKeyPem } = generateTestKeyPair();

let cache: AscTokenCache;
beforeEach(() => {
  cache = createAscTokenCache();
});

describe("ASC tokens", () => {
  it("signs team keys with iss, aud, kid and typ and a lifetime under 20 minutes", async () => {
    const token = await mintAscToken({ keyType: "team", issuerId: "iss-1", keyId: "ABC123DEFG", privateKeyPem });
    expect(decodeProtectedHeader(token)).toEqual({ alg: "ES256", kid: "ABC123DEFG", typ: "JWT" });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: "iss-1", aud: "appstoreconnect-v1" });
    expect(claims.sub).toBeUndefined();
    expect(claims.exp! - claims.iat!).toBe(TOKEN_LIFETIME_SECONDS);
    expect(TOKEN_LIFETIME_SECONDS).toBeLessThanOrEqual(20 * 60);
  });

  it("signs individual keys with sub=user and no iss", async () => {
    const claims = decodeJwt(await mintAscToken({ keyType: "individual", keyId: "ABC123DEFG", privateKeyPem }));
    expect(claims.sub).toBe("user");
    expect(claims.iss).toBeUndefined();
  });

  it("refuses a team key without issuer", async () => {
    await expect(mintAscToken({ keyType: "team", keyId: "K", privateKeyPem })).rejects.toThrow(/issuer/);
  });

  it("reuses a cached token per key until invalidated", async () => {
    const creds = { keyType: "team" as const, issuerId: "iss-1", keyId: "K1", privateKeyPem };
    const provider = createTokenProvider(creds, cache);
    const first = await provider.get();
    expect(await createTokenProvider(creds, cache).get()).toBe(first);
    expect(await createTokenProvider({ ...creds, keyId: "K2" }, cache).get()).not.toBe(first);
    provider.invalidate();
    await new Promise((r) => setTimeout(r, 5));
    const again = await provider.get();
    expect(decodeProtectedHeader(again).kid).toBe("K1");
  });
});

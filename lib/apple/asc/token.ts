import "server-only";
// ES256 tokens for the App Store Connect API, cached per key until shortly before they expire.
import { createHash, type KeyObject } from "node:crypto";
import { SignJWT } from "jose";
import { parseP8Key } from "./p8";

export interface AscCredentials {
  keyType: "team" | "individual";
  /** Required for team keys. */
  issuerId?: string | null;
  keyId: string;
  privateKeyPem: string;
}

export const TOKEN_LIFETIME_SECONDS = 15 * 60;
/** Mint a fresh token when less than this is left. */
const REFRESH_MARGIN_SECONDS = 60;

export interface CachedToken {
  token: string;
  expiresAt: number; // epoch seconds
}

/** Tokens by key, reused until shortly before they expire. */
export type AscTokenCache = Map<string, CachedToken>;

export function createAscTokenCache(): AscTokenCache {
  return new Map();
}

/** The process's tokens: every client of the same key shares them. */
export const processTokenCache: AscTokenCache = createAscTokenCache();

function cacheKey(c: AscCredentials): string {
  // The key material is part of the cache key (hashed) so a replaced .p8 never reuses an old token.
  const keyHash = createHash("sha256").update(c.privateKeyPem).digest("hex").slice(0, 16);
  return `${c.keyType}:${c.issuerId ?? ""}:${c.keyId}:${keyHash}`;
}

export async function mintAscToken(c: AscCredentials, key: KeyObject = parseP8Key(c.privateKeyPem), nowSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  if (c.keyType === "team" && !c.issuerId) throw new Error("A team key needs an issuer ID.");
  const jwt = new SignJWT(c.keyType === "individual" ? { sub: "user" } : {})
    .setProtectedHeader({ alg: "ES256", kid: c.keyId, typ: "JWT" })
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + TOKEN_LIFETIME_SECONDS)
    .setAudience("appstoreconnect-v1");
  if (c.keyType === "team") jwt.setIssuer(c.issuerId!);
  return jwt.sign(key);
}

export interface AscTokenProvider {
  get(): Promise<string>;
  /** Drop the cached token (after a 401) so the next get() mints a new one. */
  invalidate(): void;
}

export function createTokenProvider(c: AscCredentials, cache: AscTokenCache): AscTokenProvider {
  const id = cacheKey(c);
  let key: KeyObject | null = null;
  return {
    async get() {
      const now = Math.floor(Date.now() / 1000);
      const hit = cache.get(id);
      if (hit && hit.expiresAt - REFRESH_MARGIN_SECONDS > now) return hit.token;
      key ??= parseP8Key(c.privateKeyPem);
      const token = await mintAscToken(c, key, now);
      cache.set(id, { token, expiresAt: now + TOKEN_LIFETIME_SECONDS });
      return token;
    },
    invalidate() {
      cache.delete(id);
    },
  };
}

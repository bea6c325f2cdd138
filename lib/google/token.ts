// Service-account OAuth: an RS256 JWT exchanged at the token endpoint for a bearer token, cached until shortly before
// it expires. Google has no refresh token for this flow: a new JWT is signed each time.
import { createHash, type KeyObject } from "node:crypto";
import { SignJWT } from "jose";
import { z } from "zod";
import { backoffDelay, isTimeoutError, sleep } from "@/lib/apple/http";
import { GoogleAuthError, GoogleTransientError, readGoogleErrorBody, type GoogleErrorInit } from "./errors";
import { parseServiceAccountKey, type ServiceAccountKey } from "./service-account";

export const PLAY_SCOPE = "https://www.googleapis.com/auth/androidpublisher";
export const STORAGE_READ_SCOPE = "https://www.googleapis.com/auth/devstorage.read_only";

/** Google allows at most an hour between iat and exp. */
export const JWT_LIFETIME_SECONDS = 3600;
/** A cached token is replaced when less than this is left. */
const REFRESH_MARGIN_SECONDS = 60;
/** A server clock further off than this (by Google's Date header) is corrected after an invalid_grant. */
const SKEW_TOLERANCE_SECONDS = 10;

interface CachedToken {
  token: string;
  expiresAt: number; // epoch seconds
}

/** Tokens (and the clock offset learnt from the token endpoint) shared by every client of a process. */
export interface TokenCache {
  tokens: Map<string, CachedToken>;
  /** Seconds to add to the local clock for this token endpoint, learnt from its Date header. */
  clockOffsets: Map<string, number>;
}

export function createTokenCache(): TokenCache {
  return { tokens: new Map(), clockOffsets: new Map() };
}

const globalForTokens = globalThis as unknown as { __starboardGoogleTokens?: TokenCache };
/** The process-wide cache: every sync step builds new clients, and each should reuse the token of the last. */
export function sharedTokenCache(): TokenCache {
  globalForTokens.__starboardGoogleTokens ??= createTokenCache();
  return globalForTokens.__starboardGoogleTokens;
}

export interface TokenStats {
  tokenRequests: number;
  clockCorrections: number;
}

export interface GoogleTokenProviderOptions {
  key: ServiceAccountKey;
  /** The token endpoint, e.g. https://oauth2.googleapis.com/token; also the JWT's aud. Never the key's token_uri. */
  tokenUrl: string;
  scopes: readonly string[];
  cache?: TokenCache;
  timeoutMs?: number;
  maxRetries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Epoch ms; tests move the clock. */
  now?: () => number;
  stats?: TokenStats;
}

export interface GoogleTokenProvider {
  get(): Promise<string>;
  /** Drop the cached token (after a 401) so the next get() exchanges a new JWT. */
  invalidate(): void;
}

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive().optional(),
  token_type: z.string().optional(),
});

const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export function signServiceAccountJwt(key: ServiceAccountKey, privateKey: KeyObject, o: { audience: string; scopes: readonly string[]; nowSeconds: number }): Promise<string> {
  return new SignJWT({ scope: o.scopes.join(" ") })
    .setProtectedHeader({ alg: "RS256", typ: "JWT", ...(key.private_key_id ? { kid: key.private_key_id } : {}) })
    .setIssuer(key.client_email)
    .setAudience(o.audience)
    .setIssuedAt(o.nowSeconds)
    .setExpirationTime(o.nowSeconds + JWT_LIFETIME_SECONDS)
    .sign(privateKey);
}

function cacheKey(o: GoogleTokenProviderOptions): string {
  // The key material is part of the cache key (hashed), so a replaced key never reuses the old key's token.
  const material = createHash("sha256").update(`${o.key.client_email}\n${o.key.private_key_id ?? ""}\n${o.key.private_key}`).digest("hex").slice(0, 24);
  return `${o.tokenUrl}|${[...o.scopes].sort().join(" ")}|${material}`;
}

/** invalid_grant about the signature means the key; any other invalid_grant may be the clock (Google's wording varies). */
function isSignatureRefusal(description: string | undefined): boolean {
  return /signature/i.test(description ?? "");
}

export function createGoogleTokenProvider(o: GoogleTokenProviderOptions): GoogleTokenProvider {
  const cache = o.cache ?? sharedTokenCache();
  const now = o.now ?? Date.now;
  const id = cacheKey(o);
  const cfg = { timeoutMs: o.timeoutMs ?? 30_000, maxRetries: o.maxRetries ?? 3, backoffBaseMs: o.backoffBaseMs ?? 1_000, backoffMaxMs: o.backoffMaxMs ?? 30_000 };
  let privateKey: KeyObject | null = null;
  let inFlight: Promise<string> | null = null;

  const nowSeconds = () => Math.floor(now() / 1000) + (cache.clockOffsets.get(o.tokenUrl) ?? 0);
  const authError = (status: number | null, reason: string | null, message: string | null, hint?: string) =>
    new GoogleAuthError({ service: "Google OAuth", operation: "token", status, reason, message, ...(hint ? { hint } : {}) } satisfies GoogleErrorInit);

  async function exchange(): Promise<string> {
    privateKey ??= parseServiceAccountKey(JSON.stringify(o.key)).privateKey;
    let correctedClock = false;
    let attempts = 0;
    for (;;) {
      const issuedAt = nowSeconds();
      const assertion = await signServiceAccountJwt(o.key, privateKey, { audience: o.tokenUrl, scopes: o.scopes, nowSeconds: issuedAt });
      if (o.stats) o.stats.tokenRequests++;
      let res: Response;
      let text: string;
      try {
        res = await fetch(o.tokenUrl, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
          body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion }).toString(),
          signal: AbortSignal.timeout(cfg.timeoutMs),
        });
        text = await res.text();
      } catch (error) {
        const timedOut = isTimeoutError(error);
        if (attempts++ < cfg.maxRetries) {
          await sleep(backoffDelay(attempts - 1, cfg.backoffBaseMs, cfg.backoffMaxMs));
          continue;
        }
        throw new GoogleTransientError({ service: "Google OAuth", operation: "token", status: null, message: timedOut ? `no answer within ${cfg.timeoutMs} ms` : "network error" }, timedOut ? "timeout" : "network");
      }
      let json: unknown = null;
      try {
        json = text.trim() ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      if (res.ok) {
        const parsed = tokenResponseSchema.safeParse(json);
        if (parsed.success) {
          cache.tokens.set(id, { token: parsed.data.access_token, expiresAt: issuedAt + (parsed.data.expires_in ?? JWT_LIFETIME_SECONDS) });
          return parsed.data.access_token;
        }
      }
      if (res.status >= 500 || res.ok) {
        if (attempts++ < cfg.maxRetries) {
          await sleep(backoffDelay(attempts - 1, cfg.backoffBaseMs, cfg.backoffMaxMs));
          continue;
        }
        throw new GoogleTransientError(
          { service: "Google OAuth", operation: "token", status: res.status, message: res.ok ? "the token endpoint sent an answer without an access token" : (readGoogleErrorBody(json).message ?? `HTTP ${res.status}`) },
          res.ok ? "bad_response" : "server",
        );
      }
      const oauth = oauthErrorSchema.safeParse(json);
      const error = oauth.success ? oauth.data.error : (readGoogleErrorBody(json).reason ?? null);
      const description = oauth.success ? (oauth.data.error_description ?? null) : (readGoogleErrorBody(json).message ?? null);
      if (error === "invalid_grant" && !isSignatureRefusal(description ?? undefined)) {
        // The token's times were refused: Google's clock (its Date header) tells how far off ours is.
        const serverMs = Date.parse(res.headers.get("date") ?? "");
        const offset = Number.isNaN(serverMs) ? 0 : Math.round(serverMs / 1000 - Math.floor(now() / 1000));
        if (!correctedClock && Math.abs(offset) > SKEW_TOLERANCE_SECONDS) {
          correctedClock = true;
          cache.clockOffsets.set(o.tokenUrl, offset);
          if (o.stats) o.stats.clockCorrections++;
          continue;
        }
        throw authError(res.status, error, description, "Google refused the token's issue or expiry time: this server's clock is probably wrong (sync it with NTP). If the clock is right, upload the JSON key file again.");
      }
      if (error === "invalid_grant") {
        throw authError(res.status, error, description, "Google refused the key's signature: the key was deleted or replaced in Google Cloud, or its private_key was altered. Create a new JSON key and upload it.");
      }
      if (error === "unauthorized_client") {
        throw authError(res.status, error, description, "Google refused this service account for the requested scopes. Use a plain service account key (no domain-wide delegation) that is enabled in Google Cloud.");
      }
      if (error === "invalid_client") {
        throw authError(res.status, error, description, "Google does not know this service account, or it is disabled. Check it in Google Cloud → IAM & Admin → Service accounts, or upload a new JSON key.");
      }
      throw authError(res.status, error, description);
    }
  }

  return {
    async get() {
      const hit = cache.tokens.get(id);
      if (hit && hit.expiresAt - REFRESH_MARGIN_SECONDS > nowSeconds()) return hit.token;
      // Concurrent callers of one provider share one exchange.
      inFlight ??= exchange().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    invalidate() {
      cache.tokens.delete(id);
    },
  };
}

// One token (both scopes) and the two clients for a service account: what a sync step, a connection test or a
// reply builds from a stored connection and the configuration.
import { createPlayReviewsClient, type PlayReviewsClient } from "./play/client";
import { sharedPlayReadQuota, type PlayReadQuota } from "./quota";
import { GOOGLE_HTTP_DEFAULTS, createGoogleStats, type GoogleHttpOptions, type GoogleStats } from "./request";
import type { ServiceAccountKey } from "./service-account";
import { createCloudStorageClient, type CloudStorageClient } from "./storage/client";
import { PLAY_SCOPE, STORAGE_READ_SCOPE, createGoogleTokenProvider, type GoogleTokenProvider, type TokenCache, type TokenStats } from "./token";

export interface GoogleClientsConfig {
  tokenUrl: string;
  playBaseUrl: string;
  storageBaseUrl: string;
  /** The per-app Play read budget of the process (0 = Starboard keeps none; Google's 429s still count). */
  readsPerHour: number;
  /** Retries, timeouts and waits; defaults in GOOGLE_HTTP_DEFAULTS. */
  http?: Partial<GoogleHttpOptions>;
  /** Defaults to the process-wide caches; tests pass their own. */
  tokenCache?: TokenCache;
  quota?: PlayReadQuota;
}

export interface GoogleClients {
  tokens: GoogleTokenProvider;
  play: PlayReviewsClient;
  storage: CloudStorageClient;
  stats: GoogleStats & TokenStats;
}

export function createGoogleClients(key: ServiceAccountKey, config: GoogleClientsConfig, overrides: Partial<GoogleHttpOptions> = {}): GoogleClients {
  const http: GoogleHttpOptions = { ...GOOGLE_HTTP_DEFAULTS, ...config.http, ...overrides };
  const stats = { ...createGoogleStats(), tokenRequests: 0, clockCorrections: 0 };
  const tokens = createGoogleTokenProvider({
    key,
    tokenUrl: config.tokenUrl,
    scopes: [PLAY_SCOPE, STORAGE_READ_SCOPE],
    cache: config.tokenCache,
    timeoutMs: http.timeoutMs,
    maxRetries: http.maxRetries,
    backoffBaseMs: http.backoffBaseMs,
    backoffMaxMs: http.backoffMaxMs,
    stats,
  });
  return {
    tokens,
    stats,
    play: createPlayReviewsClient({ tokens, baseUrl: config.playBaseUrl, http, quota: config.quota ?? sharedPlayReadQuota(config.readsPerHour), stats }),
    storage: createCloudStorageClient({ tokens, baseUrl: config.storageBaseUrl, http, stats }),
  };
}

import "server-only";
// The iTunes Lookup client the syncs use: base URL, chunk size and the shared pacing budget from the configuration
// in effect (lib/env.ts); a caller may override any option (tests and the benchmark shorten the retries).
import { createItunesClient, sharedItunesPacer, type ItunesClient, type ItunesClientOptions } from "@/lib/apple/itunes";
import { env } from "@/lib/env";

export type ItunesOverrides = Partial<ItunesClientOptions>;

export function itunesClientFor(overrides: ItunesOverrides = {}): ItunesClient {
  const { ITUNES_BASE_URL, ITUNES_CHUNK_SIZE, ITUNES_CALLS_PER_MINUTE } = env();
  return createItunesClient({ baseUrl: ITUNES_BASE_URL, chunkSize: ITUNES_CHUNK_SIZE, pacer: sharedItunesPacer(ITUNES_CALLS_PER_MINUTE), ...overrides });
}

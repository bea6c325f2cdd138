// Tests inject configuration through lib/env.ts's withConfig: every test of the file (or describe block) that calls
// useConfig runs — with everything it starts in the background — under the process's configuration with the change
// applied. A function is called as each test starts, after beforeAll (e.g. for a simulator's URL).
import { aroundEach } from "vitest";
import type { RunningAppleSim } from "@/tools/apple-sim";
import type { RunningGoogleSim } from "@/tools/google-sim";
import { withConfig, type ConfigChange } from "@/lib/env";

export function useConfig(change: ConfigChange | (() => ConfigChange)) {
  aroundEach(async (runTest) => {
    await withConfig(typeof change === "function" ? change() : change, runTest);
  });
}

/** App Store Connect timings that keep a test with faults and rate limits to milliseconds. */
export const FAST_ASC = { backoffBaseMs: 5, backoffMaxMs: 20, rateLimitBackoffMs: 20, maxRateLimitWaitMs: 2_000, timeoutMs: 2_000 };

/** iTunes Lookup at the simulator. */
export const itunesSimConfig = (apple: RunningAppleSim): ConfigChange => ({ env: { ITUNES_BASE_URL: apple.itunesBaseUrl } });

/** App Store Connect at the simulator, with short waits. */
export const ascSimConfig = (apple: RunningAppleSim): ConfigChange => ({ env: { ASC_BASE_URL: apple.ascBaseUrl }, asc: FAST_ASC });

/** Both of Apple's APIs at the simulator. */
export const appleSimConfig = (apple: RunningAppleSim): ConfigChange => ({ env: { ITUNES_BASE_URL: apple.itunesBaseUrl, ASC_BASE_URL: apple.ascBaseUrl }, asc: FAST_ASC });

/** Google's token endpoint, Play and Cloud Storage at the simulator, with no read budget of Starboard's own. */
export const googleSimConfig = (google: RunningGoogleSim): ConfigChange => ({
  env: { GOOGLE_OAUTH_TOKEN_URL: google.tokenUrl, GOOGLE_PLAY_BASE_URL: google.playBaseUrl, GOOGLE_STORAGE_BASE_URL: google.storageBaseUrl, GOOGLE_PLAY_READS_PER_HOUR: "0" },
});

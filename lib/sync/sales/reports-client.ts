import "server-only";
// The reports client the syncs use: base URL, pacing (ASC_REPORTS_CALLS_PER_MINUTE) and the App Store Connect
// timings from the configuration in effect (lib/env.ts); tests and the benchmark change them with withConfig.
import { createReportsClient, type ReportsClient, type ReportsClientConfig, type ReportsStats } from "@/lib/apple/asc/reports";
import type { AscCredentials } from "@/lib/apple/asc/token";
import { config } from "@/lib/env";

export function reportsClientConfig(): ReportsClientConfig {
  const { env, asc } = config();
  return { ...asc, baseUrl: env.ASC_BASE_URL, callsPerMinute: env.ASC_REPORTS_CALLS_PER_MINUTE };
}

export function reportsClientFor(credentials: AscCredentials, stats?: ReportsStats): ReportsClient {
  return createReportsClient(credentials, reportsClientConfig(), stats);
}

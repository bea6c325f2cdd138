import "server-only";
// The analytics client the sync uses: base URL, the key's pace (ASC_REPORTS_CALLS_PER_MINUTE, shared with the Sales
// and Finance reports of the same key) and the App Store Connect timings from the configuration in effect.
import { createAnalyticsClient, type AnalyticsClient } from "@/lib/apple/asc/analytics";
import type { AscStats } from "@/lib/apple/asc/client";
import type { AscCredentials } from "@/lib/apple/asc/token";
import { config } from "@/lib/env";

export function analyticsClientFor(credentials: AscCredentials, stats?: AscStats): AnalyticsClient {
  const { env, asc } = config();
  return createAnalyticsClient(credentials, { ...asc, baseUrl: env.ASC_BASE_URL, callsPerMinute: env.ASC_REPORTS_CALLS_PER_MINUTE }, stats);
}

// A project with App Store Connect analytics against the Apple simulator: one or two apps, an Admin key and a
// Sales-and-Reports key of the same team, and a pinned clock (Apple's newest instance is processed on LATEST).
import { db } from "@/lib/db";
import { sealPrivateKey } from "@/lib/data/integrations/credentials";
import type { ConfigChange } from "@/lib/env";
import { generateTestKeyPair, startAppleSim, type AnalyticsConfigInput, type RunningAppleSim } from "@/tools/apple-sim";
import { createApp, createOwner } from "./fixtures";

export const ANALYTICS_ISSUER = "7c1b2c3d-2222-47e3-e053-5b8c7c11a4d1";
export const LATEST = "2026-03-31";
export const NOW = "2026-03-31T18:00:00.000Z";
export const WEATHER = "1490000001";
export const NOTES = "1490000002";

export const analyticsKeys = { admin: generateTestKeyPair(), salesOnly: generateTestKeyPair() };

export const analyticsConfig: AnalyticsConfigInput = {
  latestProcessingDate: LATEST,
  retentionDays: 8,
  territories: 2,
  apps: [
    { appleId: WEATHER, name: "Breeze Weather" },
    { appleId: NOTES, name: "Notes", weight: 0.5 },
  ],
};

/** The client at the simulator: no pacing, retries and 429 waits of a few milliseconds. */
export const analyticsSimConfig = (apple: RunningAppleSim): ConfigChange => ({
  env: { ASC_BASE_URL: apple.ascBaseUrl, ASC_REPORTS_CALLS_PER_MINUTE: "0" },
  asc: { backoffBaseMs: 1, backoffMaxMs: 4, rateLimitBackoffMs: 2, maxRateLimitWaitMs: 50 },
});

export async function startAnalyticsSim(analytics: AnalyticsConfigInput = analyticsConfig): Promise<RunningAppleSim> {
  return startAppleSim({
    scenario: {
      keys: [
        { keyId: "ANALYADMIN", issuerId: ANALYTICS_ISSUER, type: "team", publicKeyPem: analyticsKeys.admin.publicKeyPem },
        { keyId: "ANALYSALES", issuerId: ANALYTICS_ISSUER, type: "team", publicKeyPem: analyticsKeys.salesOnly.publicKeyPem },
      ],
      reports: { roles: { ANALYSALES: ["SALES_AND_REPORTS"] } },
      analytics,
    },
    options: { publishDelayMs: null },
  });
}

export interface AnalyticsWorld {
  teamId: string;
  projectId: string;
  weatherId: string;
  notesId: string | null;
}

export async function createAnalyticsWorld(options: { keyId?: "ANALYADMIN" | "ANALYSALES"; apps?: 1 | 2 } = {}): Promise<AnalyticsWorld> {
  const owner = await createOwner("analytics");
  const weather = await createApp(owner.teamId, owner.projectId, { name: "Breeze Weather", appleAppStoreId: BigInt(WEATHER) });
  const notes = options.apps === 1 ? null : await createApp(owner.teamId, owner.projectId, { name: "Notes", appleAppStoreId: BigInt(NOTES) });
  const keyId = options.keyId ?? "ANALYADMIN";
  await db.integration.create({
    data: {
      teamId: owner.teamId,
      projectId: owner.projectId,
      keyType: "team",
      issuerId: ANALYTICS_ISSUER,
      keyId,
      privateKeyCiphertext: sealPrivateKey(owner.projectId, (keyId === "ANALYADMIN" ? analyticsKeys.admin : analyticsKeys.salesOnly).privateKeyPem),
    },
  });
  return { teamId: owner.teamId, projectId: owner.projectId, weatherId: weather.id, notesId: notes?.id ?? null };
}

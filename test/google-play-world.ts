// Shared by the Google Play suites: a Google simulator with one service account, a project with two Android apps
// connected to it, and the client configuration that points at the simulator (short waits, fresh caches).
import { generateServiceAccount, startGoogleSim, type GoogleScenario, type RunningGoogleSim } from "@/tools/google-sim";
import type { Caller } from "@/lib/auth/access";
import { savePlayConnection } from "@/lib/data/google-play/connections";
import type { GoogleClientsConfig } from "@/lib/google/clients";
import { PlayReadQuota } from "@/lib/google/quota";
import { createTokenCache } from "@/lib/google/token";
import { importPlayRatings } from "@/lib/sync/google-play/import-ratings";
import { syncPlayReviews } from "@/lib/sync/google-play/sync-reviews";
import { inlineSteps } from "@/lib/sync/steps";
import { createApp, createOwner } from "@/test/fixtures";

export const PLAY_ACCOUNT = generateServiceAccount("starboard-reviews@play-sim.iam.gserviceaccount.com");
export const WEATHER = "com.example.weather";
export const NOTES = "com.example.notes";
export const BUCKET = "pubsite_prod_rev_01234567890987654321";

export function playScenario(extra: Partial<GoogleScenario> = {}): GoogleScenario {
  return {
    accounts: [{ clientEmail: PLAY_ACCOUNT.clientEmail, publicKeyPem: PLAY_ACCOUNT.publicKeyPem, privateKeyId: PLAY_ACCOUNT.privateKeyId }],
    apps: [
      { packageName: WEATHER, reviews: [] },
      { packageName: NOTES, reviews: [] },
    ],
    bucket: BUCKET,
    ...extra,
  };
}

export function startPlaySim(scenario: GoogleScenario = playScenario()): Promise<RunningGoogleSim> {
  return startGoogleSim({ scenario });
}

/** The simulator's endpoints, short waits, and caches of this test's own. */
export function simConfig(google: RunningGoogleSim, over: Partial<GoogleClientsConfig> = {}): GoogleClientsConfig {
  return {
    tokenUrl: google.tokenUrl,
    playBaseUrl: google.playBaseUrl,
    storageBaseUrl: google.storageBaseUrl,
    readsPerHour: 0,
    http: { backoffBaseMs: 5, backoffMaxMs: 20, timeoutMs: 2_000, quotaBackoffMs: 20, maxQuotaWaitMs: 3_000 },
    tokenCache: createTokenCache(),
    quota: new PlayReadQuota(0),
    ...over,
  };
}

export interface PlayWorld {
  teamId: string;
  projectId: string;
  ownerId: string;
  caller: Caller;
  actor: { actorUserId: string; caller: Caller };
  weatherId: string;
  notesId: string;
}

/** A team with one project holding two Android apps, connected to the simulator's account (with the bucket). */
export async function createPlayWorld(options: { connect?: boolean; bucket?: string | null } = {}): Promise<PlayWorld> {
  const owner = await createOwner("play");
  const weather = await createApp(owner.teamId, owner.projectId, { name: "Weather", bundleId: WEATHER, platform: "android" });
  const notes = await createApp(owner.teamId, owner.projectId, { name: "Notes", bundleId: NOTES, platform: "android" });
  const actor = { actorUserId: owner.userId, caller: owner.caller };
  if (options.connect !== false) {
    await savePlayConnection({ teamId: owner.teamId, projectId: owner.projectId }, actor, { serviceAccountKey: PLAY_ACCOUNT.keyFile, reportsBucket: options.bucket === undefined ? `gs://${BUCKET}` : options.bucket });
  }
  return { teamId: owner.teamId, projectId: owner.projectId, ownerId: owner.userId, caller: owner.caller, actor, weatherId: weather.id, notesId: notes.id };
}

/**
 * What the /api/v1, CLI and MCP suites read: two Play reviews of Weather (one answered), and Play Console ratings in
 * three countries — Cuba among them, which has no App Store storefront.
 */
export const PLAY_API_SCENARIO = playScenario({
  apps: [
    {
      packageName: WEATHER,
      reviews: [
        { id: "gp:crash", author: "Ana", rating: 1, text: "Crashes on start", modified: "-1h" },
        { id: "gp:thanks", author: "Ben", rating: 5, text: "Great radar", modified: "-2h", reply: { text: "Thank you!", modified: "-1h" } },
      ],
    },
    { packageName: NOTES, reviews: [] },
  ],
  ratings: { [WEATHER]: { countries: { us: 4.4, de: 3.9, cu: 4.6 }, days: 6, naShare: 0 } },
});

/** A Play world whose reviews were synced and ratings imported from the simulator, as after a day of scheduled runs. */
export async function createSyncedPlayWorld(google: RunningGoogleSim): Promise<PlayWorld> {
  const w = await createPlayWorld();
  await syncPlayReviews({ projectId: w.projectId, trigger: "manual", steps: inlineSteps, google: simConfig(google) });
  await importPlayRatings({ projectId: w.projectId, trigger: "manual", steps: inlineSteps, google: simConfig(google) });
  return w;
}

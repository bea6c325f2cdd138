// Shared by the reviews suites: an Apple simulator with one key, a project wired to it.
import { generateTestKeyPair, startAppleSim, type RunningAppleSim, type Scenario } from "@/tools/apple-sim";
import type { ProjectAccess } from "@/lib/auth/access";
import { resolveAccess } from "@/lib/auth/access";
import { saveIntegration } from "@/lib/data/integrations";
import { createApp, createOwner } from "@/test/fixtures";

export const ISSUER = "69a6de7e-1111-47e3-e053-5b8c7c11a4d1";
export const TEAM_KEY = generateTestKeyPair();
export const INDIVIDUAL_KEY = generateTestKeyPair();

export function reviewsScenario(extra: Partial<Scenario> = {}): Scenario {
  return {
    apps: [
      { trackId: 1001, bundleId: "com.example.weather", name: "Weather", ascAppId: "1001", storefronts: {} },
      { trackId: 1002, bundleId: "com.example.notes", name: "Notes", ascAppId: "1002", storefronts: {} },
    ],
    keys: [
      { keyId: "TEAMKEY001", issuerId: ISSUER, type: "team", publicKeyPem: TEAM_KEY.publicKeyPem },
      { keyId: "INDIVKEY01", type: "individual", publicKeyPem: INDIVIDUAL_KEY.publicKeyPem },
    ],
    reviews: {},
    ...extra,
  };
}

export async function startReviewsSim(scenario: Scenario = reviewsScenario()): Promise<RunningAppleSim> {
  const apple = await startAppleSim({ scenario, options: { publishDelayMs: null, pendingVisibility: 0 } });
  return apple;
}

export interface ReviewsWorld {
  teamId: string;
  projectId: string;
  ownerCaller: { kind: "user"; userId: string };
  ctx: ProjectAccess;
  weatherId: string;
  notesId: string;
}

/** A team with one project holding the simulator's two apps (App Store ids set) and a team-key integration. */
export async function createReviewsWorld(options: { keyType?: "team" | "individual"; integration?: boolean } = {}): Promise<ReviewsWorld> {
  const owner = await createOwner("reviews");
  const weather = await createApp(owner.teamId, owner.projectId, { name: "Weather", bundleId: "com.example.weather", appleAppStoreId: 1001n });
  const notes = await createApp(owner.teamId, owner.projectId, { name: "Notes", bundleId: "com.example.notes", appleAppStoreId: 1002n });
  const ctx = await resolveAccess(owner.caller, { projectId: owner.projectId }, "integrations:write");
  if (options.integration !== false) {
    const individual = options.keyType === "individual";
    await saveIntegration(ctx, {
      keyType: individual ? "individual" : "team",
      issuerId: individual ? null : ISSUER,
      keyId: individual ? "INDIVKEY01" : "TEAMKEY001",
      privateKeyPem: individual ? INDIVIDUAL_KEY.privateKeyPem : TEAM_KEY.privateKeyPem,
    });
  }
  return { teamId: owner.teamId, projectId: owner.projectId, ownerCaller: owner.caller as { kind: "user"; userId: string }, ctx, weatherId: weather.id, notesId: notes.id };
}

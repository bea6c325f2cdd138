// A project with App Store Connect reports against the Apple simulator: two of the vendor's apps in the project
// (one with a subscription and a tip in-app purchase), a third app of the vendor that the project does not have.
import type { Caller } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { sealPrivateKey } from "@/lib/data/integrations/credentials";
import type { ConfigChange } from "@/lib/env";
import { generateTestKeyPair, startAppleSim, type ReportsConfigInput, type RunningAppleSim } from "@/tools/apple-sim";
import { createApp, createOwner } from "./fixtures";

export const SALES_ISSUER = "3a1b2c3d-1111-47e3-e053-5b8c7c11a4d1";
export const VENDOR = "85012345";
/** With `now` below, Apple's newest daily report is for LATEST_DAY. */
export const LATEST_DAY = "2026-03-30";
export const NOW = "2026-03-31T18:00:00.000Z";

export const salesKeys = { admin: generateTestKeyPair(), salesOnly: generateTestKeyPair(), support: generateTestKeyPair(), individual: generateTestKeyPair() };

export const reportsConfig: ReportsConfigInput = {
  vendorNumber: VENDOR,
  latestDay: LATEST_DAY,
  rowsPerDay: 240,
  seed: 11,
  apps: [
    {
      appleId: "1480000001",
      sku: "breeze.weather",
      title: 'Breeze "Weather"',
      releaseEveryDays: 20,
      iaps: [
        { appleId: "1480000101", sku: "breeze.pro", title: "Breeze Pro", productType: "IAY", tier: 3 },
        { appleId: "1480000102", sku: "breeze.tip", title: "Tip", productType: "IA1", tier: 1 },
      ],
    },
    { appleId: "1480000002", sku: "notes.app", title: "Notes", tier: 2, weight: 0.5 },
    { appleId: "1480000003", sku: "other.app", title: "Other", iaps: [{ appleId: "1480000103", sku: "other.coins", title: "Coins" }] },
  ],
  roles: { SALESONLY1: ["SALES_AND_REPORTS"], SUPPORTKEY: ["CUSTOMER_SUPPORT"] },
};

/** The reports client at the simulator: no pacing, and retries and 429 waits of a few milliseconds. */
export const salesSimConfig = (apple: RunningAppleSim): ConfigChange => ({
  env: { ASC_BASE_URL: apple.ascBaseUrl, ASC_REPORTS_CALLS_PER_MINUTE: "0" },
  asc: { backoffBaseMs: 1, backoffMaxMs: 4, rateLimitBackoffMs: 2, maxRateLimitWaitMs: 20 },
});

export async function startSalesSim(reports: ReportsConfigInput = reportsConfig): Promise<RunningAppleSim> {
  return startAppleSim({
    scenario: {
      keys: [
        { keyId: "SALESADMIN", issuerId: SALES_ISSUER, type: "team", publicKeyPem: salesKeys.admin.publicKeyPem },
        { keyId: "SALESONLY1", issuerId: SALES_ISSUER, type: "team", publicKeyPem: salesKeys.salesOnly.publicKeyPem },
        // A team key whose role (Customer Support) reads reviews but no reports, and an individual key.
        { keyId: "SUPPORTKEY", issuerId: SALES_ISSUER, type: "team", publicKeyPem: salesKeys.support.publicKeyPem },
        { keyId: "INDIVSALES", type: "individual", publicKeyPem: salesKeys.individual.publicKeyPem },
      ],
      reports,
    },
    options: { publishDelayMs: null },
  });
}

export interface SalesWorld {
  /** The project owner, for operations. */
  caller: Caller;
  teamId: string;
  projectId: string;
  weatherId: string;
  notesId: string;
}

export type SalesKeyId = "SALESADMIN" | "SALESONLY1" | "SUPPORTKEY" | "INDIVSALES";
const KEY_OF: Record<SalesKeyId, keyof typeof salesKeys> = { SALESADMIN: "admin", SALESONLY1: "salesOnly", SUPPORTKEY: "support", INDIVSALES: "individual" };

/** The .p8 (PEM) of one of the simulator's report keys. */
export const salesKeyPem = (keyId: SalesKeyId) => salesKeys[KEY_OF[keyId]].privateKeyPem;

export async function createSalesWorld(options: { keyId?: SalesKeyId; vendorNumber?: string | null } = {}): Promise<SalesWorld> {
  const owner = await createOwner("sales");
  const weather = await createApp(owner.teamId, owner.projectId, { name: "Breeze Weather", appleAppStoreId: 1480000001n });
  const notes = await createApp(owner.teamId, owner.projectId, { name: "Notes", appleAppStoreId: 1480000002n });
  const keyId = options.keyId ?? "SALESADMIN";
  await db.integration.create({
    data: {
      teamId: owner.teamId,
      projectId: owner.projectId,
      keyType: keyId === "INDIVSALES" ? "individual" : "team",
      issuerId: keyId === "INDIVSALES" ? null : SALES_ISSUER,
      keyId,
      privateKeyCiphertext: sealPrivateKey(owner.projectId, salesKeyPem(keyId)),
      vendorNumber: options.vendorNumber === undefined ? VENDOR : options.vendorNumber,
    },
  });
  return { caller: owner.caller, teamId: owner.teamId, projectId: owner.projectId, weatherId: weather.id, notesId: notes.id };
}

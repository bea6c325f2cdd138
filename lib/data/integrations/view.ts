import "server-only";
// What any client may see of an integration: never the key material.
import type { ReportAccessProbe } from "@/lib/apple/asc/reports/probe";
import type { UpstreamDetails } from "@/lib/errors";

export interface TestedApp {
  ascAppId: string;
  name: string;
  bundleId: string;
  /** The project's app with this bundle id, when there is one. */
  projectAppId: string | null;
}

export interface ConnectionTest {
  ok: boolean;
  testedAt: string;
  apps: TestedApp[];
  /** The project's Apple apps and whether the key covers them. */
  coverage: { appId: string; name: string; bundleId: string | null; covered: boolean; appStoreId: string | null }[];
  error: UpstreamDetails | null;
  /** Sales and Finance report access for the vendor number; null when no vendor number is set. */
  reports: ReportAccessProbe | null;
}

export interface IntegrationView {
  id: string;
  projectId: string;
  keyType: "team" | "individual";
  issuerId: string | null;
  keyId: string;
  /** Apple's vendor number for the Sales and Finance reports (digits), or null when not set. */
  vendorNumber: string | null;
  enabled: boolean;
  addedAt: string;
  updatedAt: string;
  lastTest: ConnectionTest | null;
  lastSync: { at: string | null; status: string | null; error: string | null } | null;
}

interface Row {
  id: string;
  projectId: string;
  keyType: "team" | "individual";
  issuerId: string | null;
  keyId: string;
  vendorNumber: string | null;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
  lastTestResult: unknown;
  lastSyncAt: Date | null;
  lastSyncStatus: string | null;
  lastSyncError: string | null;
}

export const integrationViewSelect = {
  id: true,
  projectId: true,
  keyType: true,
  issuerId: true,
  keyId: true,
  vendorNumber: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
  lastTestResult: true,
  lastSyncAt: true,
  lastSyncStatus: true,
  lastSyncError: true,
} as const;

export function toIntegrationView(row: Row): IntegrationView {
  return {
    id: row.id,
    projectId: row.projectId,
    keyType: row.keyType,
    issuerId: row.issuerId,
    keyId: row.keyId,
    vendorNumber: row.vendorNumber,
    enabled: row.enabled,
    addedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    // Results stored before the report checks existed have no `reports`.
    lastTest: row.lastTestResult ? { ...(row.lastTestResult as ConnectionTest), reports: (row.lastTestResult as Partial<ConnectionTest>).reports ?? null } : null,
    lastSync: row.lastSyncAt || row.lastSyncStatus ? { at: row.lastSyncAt?.toISOString() ?? null, status: row.lastSyncStatus, error: row.lastSyncError } : null,
  };
}

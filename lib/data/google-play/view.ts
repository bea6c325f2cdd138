import "server-only";
// What any client may see of a Google Play connection: the service account's e-mail and key id, never the key.
import type { UpstreamDetails } from "@/lib/errors";

/** One step of "Test connection": what Google answered (null error when it worked). */
export interface PlayTestStep {
  ok: boolean;
  error: UpstreamDetails | null;
}

export interface PlayConnectionTest {
  ok: boolean;
  testedAt: string;
  /** Obtaining a token with the key. */
  token: PlayTestStep;
  /** reviews.list (one review) for each Android app of the project. */
  apps: (PlayTestStep & { appId: string; name: string; packageName: string | null; recentReviews: number | null })[];
  /** Listing the reports bucket; null when no bucket is set. */
  bucket: (PlayTestStep & { bucket: string; reviewFiles: number | null; ratingsFiles: number | null }) | null;
  /** The first failure, for a one-line summary. */
  error: UpstreamDetails | null;
}

export interface PlayConnectionView {
  id: string;
  projectId: string;
  clientEmail: string;
  privateKeyId: string | null;
  cloudProjectId: string | null;
  reportsBucket: string | null;
  enabled: boolean;
  addedAt: string;
  updatedAt: string;
  lastTest: PlayConnectionTest | null;
  lastSync: { at: string | null; status: string | null; error: string | null } | null;
}

export const playConnectionViewSelect = {
  id: true,
  projectId: true,
  clientEmail: true,
  privateKeyId: true,
  cloudProjectId: true,
  reportsBucket: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
  lastTestResult: true,
  lastSyncAt: true,
  lastSyncStatus: true,
  lastSyncError: true,
} as const;

interface Row {
  id: string;
  projectId: string;
  clientEmail: string;
  privateKeyId: string | null;
  cloudProjectId: string | null;
  reportsBucket: string | null;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
  lastTestResult: unknown;
  lastSyncAt: Date | null;
  lastSyncStatus: string | null;
  lastSyncError: string | null;
}

export function toPlayConnectionView(row: Row): PlayConnectionView {
  return {
    id: row.id,
    projectId: row.projectId,
    clientEmail: row.clientEmail,
    privateKeyId: row.privateKeyId,
    cloudProjectId: row.cloudProjectId,
    reportsBucket: row.reportsBucket,
    enabled: row.enabled,
    addedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastTest: (row.lastTestResult as PlayConnectionTest | null) ?? null,
    lastSync: row.lastSyncAt || row.lastSyncStatus ? { at: row.lastSyncAt?.toISOString() ?? null, status: row.lastSyncStatus, error: row.lastSyncError } : null,
  };
}

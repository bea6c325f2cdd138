import "server-only";
// The only place a stored service-account key is decrypted. It never leaves the server: no view, log, error or step
// output carries it.
import type { ServiceAccountKey } from "@/lib/google/service-account";
import { serviceAccountKeySchema } from "@/lib/google/service-account";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";

/** Binds the ciphertext to its project (and to this table: an App Store Connect ciphertext cannot be moved here). */
export const playKeyAad = (projectId: string) => `google-play:${projectId}`;

export function sealServiceAccountKey(projectId: string, key: ServiceAccountKey): string {
  return sealSecret(JSON.stringify(key), playKeyAad(projectId));
}

export interface StoredPlayConnection {
  id: string;
  teamId: string;
  projectId: string;
  enabled: boolean;
  reportsBucket: string | null;
  key: ServiceAccountKey;
}

export async function loadPlayConnection(projectId: string, teamId: string): Promise<StoredPlayConnection | null> {
  const row = await db.googlePlayConnection.findFirst({ where: { projectId, teamId } });
  if (!row) return null;
  return {
    id: row.id,
    teamId: row.teamId,
    projectId: row.projectId,
    enabled: row.enabled,
    reportsBucket: row.reportsBucket,
    key: serviceAccountKeySchema.parse(JSON.parse(openSecret(row.serviceAccountKeyCiphertext, playKeyAad(row.projectId)))),
  };
}

import "server-only";
// The only place a stored .p8 is decrypted. Credentials never leave the server: no DTO, log or step output carries them.
import { createAscClient, type AscClient, type AscClientOptions, type AscCredentials } from "@/lib/apple/asc";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { config } from "@/lib/env";

export const integrationAad = (projectId: string) => `integration:${projectId}`;

export function sealPrivateKey(projectId: string, pem: string): string {
  return sealSecret(pem, integrationAad(projectId));
}

export interface StoredIntegration {
  id: string;
  teamId: string;
  projectId: string;
  enabled: boolean;
  credentials: AscCredentials;
}

export async function loadIntegration(projectId: string, teamId: string): Promise<StoredIntegration | null> {
  const row = await db.integration.findFirst({ where: { projectId, teamId, provider: "app_store_connect" } });
  if (!row) return null;
  return {
    id: row.id,
    teamId: row.teamId,
    projectId: row.projectId,
    enabled: row.enabled,
    credentials: {
      keyType: row.keyType,
      issuerId: row.issuerId,
      keyId: row.keyId,
      privateKeyPem: openSecret(row.privateKeyCiphertext, integrationAad(row.projectId)),
    },
  };
}

/** An App Store Connect client with the configured API origin and timings (lib/env.ts). */
export function ascClientFor(credentials: AscCredentials, options: Partial<AscClientOptions> = {}): AscClient {
  const { env, asc } = config();
  return createAscClient({ baseUrl: env.ASC_BASE_URL, ...asc, ...options, credentials });
}

import "server-only";
// The Google clients of one step: the stored connection (decrypted here, never returned) and the configuration.
import { loadPlayConnection } from "@/lib/data/google-play/credentials";
import { createGoogleClients, type GoogleClients, type GoogleClientsConfig } from "@/lib/google/clients";
import { googleConfig } from "@/lib/google/config";

export type StepClients = { ok: true; clients: GoogleClients; reportsBucket: string | null } | { ok: false; reason: string };

export async function stepClients(target: { projectId: string; teamId: string }, config: GoogleClientsConfig | undefined): Promise<StepClients> {
  const connection = await loadPlayConnection(target.projectId, target.teamId);
  if (!connection?.enabled) return { ok: false, reason: "The Google Play connection was removed or disabled during the run." };
  return { ok: true, clients: createGoogleClients(connection.key, config ?? googleConfig()), reportsBucket: connection.reportsBucket };
}

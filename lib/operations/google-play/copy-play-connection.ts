import "server-only";
import { z } from "zod";
import { getPlayConnection, savePlayConnection, type PlayActor, type PlayTarget } from "@/lib/data/google-play/connections";
import { loadPlayConnection } from "@/lib/data/google-play/credentials";
import type { PlayConnectionTest, PlayConnectionView } from "@/lib/data/google-play/view";
import { writeAudit } from "@/lib/data/audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { GoogleClientsConfig } from "@/lib/google/clients";
import { googleConfig } from "@/lib/google/config";
import type { SyncTrigger } from "@/lib/sync/runs";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { startPlayRuns, type StartedRun } from "./connect-google-play";
import { playActor, playPaths, playTarget, playTrigger } from "./play-paths";
import { runPlayConnectionTest } from "./test-play-connection";

/** Copies another project's connection (same team only: another team's project is simply not found), then tests it. */
export async function copyPlayConnectionFrom(
  input: { target: PlayTarget; actor: PlayActor; sourceProjectId: string; trigger: SyncTrigger },
  config: GoogleClientsConfig = googleConfig(),
): Promise<{ connection: PlayConnectionView; test: PlayConnectionTest; runs: StartedRun[] }> {
  if (input.sourceProjectId === input.target.projectId) throw new ConflictError("Choose another project to copy from.");
  const source = await loadPlayConnection(input.sourceProjectId, input.target.teamId);
  if (!source) throw new NotFoundError("That project's Google Play connection");
  const saved = await savePlayConnection(input.target, input.actor, { parsedKey: source.key, reportsBucket: source.reportsBucket });
  await writeAudit({ ...input.target, ...input.actor }, { action: "google_play.connection_copied", targetType: "google_play_connection", targetId: saved.connection.id, metadata: { fromProjectId: input.sourceProjectId, clientEmail: source.key.client_email } });
  const test = await runPlayConnectionTest(input.target, config);
  const runs = await startPlayRuns(input.target, saved, input.trigger);
  return { connection: (await getPlayConnection(input.target)) ?? saved.connection, test, runs };
}

export const copyPlayConnection = defineOperation({
  input: z.object({ projectId: idSchema, sourceProjectId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  // The key is copied out of the source project: it must be within the caller's reach too.
  related: (i) => [{ projectId: i.sourceProjectId }],
  handler: (ctx, i) => copyPlayConnectionFrom({ target: playTarget(ctx), actor: playActor(ctx), sourceProjectId: i.sourceProjectId, trigger: playTrigger(ctx) }),
  revalidate: (i) => playPaths(i.projectId),
});

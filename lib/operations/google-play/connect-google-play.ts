import "server-only";
// Connecting Google Play: save the key and bucket, then start what a new connection needs — the review backfill and
// the ratings import from the bucket, and a first reviews sync — through the job dispatcher.
import { z } from "zod";
import { savePlayConnection, type PlayActor, type PlayConnectionInput, type PlayTarget } from "@/lib/data/google-play/connections";
import type { PlayConnectionView } from "@/lib/data/google-play/view";
import { requestProjectSync } from "@/lib/jobs/request-sync";
import type { SyncKind, SyncTrigger } from "@/lib/sync/runs";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { playActor, playPaths, playTarget, playTrigger } from "./play-paths";

export interface StartedRun {
  kind: SyncKind;
  runId: string;
  alreadyRunning: boolean;
}

/** The runs a changed connection needs: reviews always; the backfill and ratings when there is a (new) bucket or key. */
export async function startPlayRuns(target: PlayTarget, saved: Awaited<ReturnType<typeof savePlayConnection>>, trigger: SyncTrigger): Promise<StartedRun[]> {
  const kinds: SyncKind[] = [];
  if (saved.created || saved.keyReplaced) kinds.push("google_play_reviews_sync");
  if (saved.connection.reportsBucket && (saved.created || saved.keyReplaced || saved.bucketChanged)) kinds.push("google_play_reviews_backfill", "google_play_ratings_sync");
  const runs: StartedRun[] = [];
  for (const kind of kinds) {
    const { run, alreadyRunning } = await requestProjectSync(kind, target, trigger);
    runs.push({ kind, runId: run.id, alreadyRunning });
  }
  return runs;
}

/** Saves the connection and starts the runs it needs. */
export async function applyPlayConnection(input: { target: PlayTarget; actor: PlayActor; connection: PlayConnectionInput; trigger: SyncTrigger }): Promise<{ connection: PlayConnectionView; runs: StartedRun[] }> {
  const saved = await savePlayConnection(input.target, input.actor, input.connection);
  return { connection: saved.connection, runs: await startPlayRuns(input.target, saved, input.trigger) };
}

/** A service-account JSON key is about 2.4 KB; anything far larger is not one. */
const KEY_FILE_MAX = 20_000;

const optionalText = (max: number, tooLong: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().max(max, { message: tooLong }).optional());

export const playConnectionInputSchema = z.object({
  projectId: idSchema,
  serviceAccountKey: optionalText(KEY_FILE_MAX, "That is not a service-account JSON key: it is far too long."),
  // "" clears the bucket; the data layer checks the id itself.
  reportsBucket: z.string().max(300, { message: "That is not a bucket id: it is far too long." }).optional(),
});

/** "Connect" / "Save" on the integrations page: the key (kept when not re-uploaded) and the reports bucket. */
export const connectGooglePlay = defineOperation({
  input: playConnectionInputSchema,
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx, i) =>
    applyPlayConnection({
      target: playTarget(ctx),
      actor: playActor(ctx),
      connection: { serviceAccountKey: i.serviceAccountKey ?? null, reportsBucket: i.reportsBucket },
      trigger: playTrigger(ctx),
    }),
  revalidate: (i) => playPaths(i.projectId),
});

import "server-only";
import { z } from "zod";
import { removePlayConnection as remove } from "@/lib/data/google-play/connections";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { playActor, playPaths, playTarget } from "./play-paths";

/** Deletes the stored service-account key and bucket; synced Play reviews and ratings stay. */
export const removePlayConnection = defineOperation({
  input: z.object({ projectId: idSchema, confirm: z.literal("remove", { message: 'Type "remove" to confirm.' }) }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx) => remove(playTarget(ctx), playActor(ctx)),
  revalidate: (i) => playPaths(i.projectId),
});

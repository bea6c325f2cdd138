import "server-only";
import { z } from "zod";
import { setPlayConnectionEnabled as setEnabled } from "@/lib/data/google-play/connections";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { playActor, playPaths, playTarget } from "./play-paths";

/** Turns the project's Google Play connection off (no syncs, no replies; the key and what was synced stay) or on again. */
export const setPlayConnectionEnabled = defineOperation({
  input: z.object({ projectId: idSchema, enabled: z.preprocess((v) => v === true || v === "true", z.boolean()) }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx, i) => setEnabled(playTarget(ctx), playActor(ctx), i.enabled),
  revalidate: (i) => playPaths(i.projectId),
});

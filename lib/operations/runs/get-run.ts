import "server-only";
import { z } from "zod";
import { getSyncRun } from "@/lib/data/runs";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

/** A run of the caller's project (or team); system-wide runs belong to no caller. */
export const getRun = defineOperation({
  input: z.object({ runId: idSchema }),
  permission: "reviews:read",
  scope: (i) => ({ runId: i.runId }),
  handler: (ctx, i) => getSyncRun(ctx, i.runId),
});

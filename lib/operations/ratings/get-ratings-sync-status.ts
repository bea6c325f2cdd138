import "server-only";
import { z } from "zod";
import { ratingsSyncStatus } from "@/lib/data/ratings/ratings-sync-status";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

/** The project's ratings sync as the dashboard shows it: the run going now, the last finished one, who may start one. */
export const getRatingsSyncStatus = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "reviews:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx) => ratingsSyncStatus(ctx),
});

import "server-only";
import { z } from "zod";
import { listAppCards } from "@/lib/data/apps";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

export const listApps = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "reviews:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx) => ({ apps: await listAppCards(ctx) }),
});

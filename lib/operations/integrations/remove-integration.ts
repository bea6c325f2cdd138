import "server-only";
import { z } from "zod";
import * as integrations from "@/lib/data/integrations";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { integrationPaths } from "./integration-paths";

export const removeIntegration = defineOperation({
  input: z.object({ projectId: idSchema, confirm: z.literal("remove", { message: 'Type "remove" to confirm.' }) }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx) => integrations.removeIntegration(ctx),
  revalidate: (i) => integrationPaths(i.projectId),
});

import "server-only";
import { z } from "zod";
import * as integrations from "@/lib/data/integrations";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { integrationPaths } from "./integration-paths";

export const setIntegrationEnabled = defineOperation({
  input: z.object({ projectId: idSchema, enabled: z.preprocess((v) => v === true || v === "true", z.boolean()) }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx, i) => integrations.setIntegrationEnabled(ctx, i.enabled),
  revalidate: (i) => integrationPaths(i.projectId),
});

import "server-only";
import { z } from "zod";
import * as integrations from "@/lib/data/integrations";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { integrationPaths } from "./integration-paths";

export const testConnection = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx) => integrations.testConnection(ctx),
  revalidate: (i) => integrationPaths(i.projectId),
});

import "server-only";
import { z } from "zod";
import * as integrations from "@/lib/data/integrations";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { integrationPaths } from "./integration-paths";

export const copyIntegration = defineOperation({
  input: z.object({ projectId: idSchema, sourceProjectId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  // The key is copied out of the source: it must be within the caller's reach too (a project-scoped agent key's
  // own project only).
  related: (i) => [{ projectId: i.sourceProjectId }],
  handler: (ctx, i) => integrations.copyIntegrationFrom(ctx, i.sourceProjectId),
  revalidate: (i) => integrationPaths(i.projectId),
});

import "server-only";
import { z } from "zod";
import * as integrations from "@/lib/data/integrations";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { integrationPaths } from "./integration-paths";
import { runConnectionTest } from "./test-connection";

/** Copies another project's key (same team) into this one, then tests it at once. */
export const copyIntegration = defineOperation({
  input: z.object({ projectId: idSchema, sourceProjectId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  // The key is copied out of the source: it must be within the caller's reach too (a project-scoped agent key's
  // own project only).
  related: (i) => [{ projectId: i.sourceProjectId }],
  handler: async (ctx, i) => {
    const copied = await integrations.copyIntegrationFrom(ctx, i.sourceProjectId);
    const test = await runConnectionTest(ctx);
    return { integration: (await integrations.getIntegration(ctx)) ?? copied, test };
  },
  revalidate: (i) => integrationPaths(i.projectId),
});

import "server-only";
import { z } from "zod";
import { can } from "@/lib/auth/access";
import { getIntegration, listCopySources } from "@/lib/data/integrations";
import { getProject } from "@/lib/data/projects";
import { latestRun } from "@/lib/sync/runs";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

/** The App Store Connect page: the project's integration, its last reviews run, and what this reader may change. */
export const getIntegrationSetup = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "integrations:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx) => {
    const canWrite = can(ctx, "integrations:write");
    const [project, integration, sources, run] = await Promise.all([
      getProject(ctx),
      getIntegration(ctx),
      canWrite ? listCopySources(ctx) : Promise.resolve([]),
      latestRun("app_store_connect_reviews_sync", ctx.projectId),
    ]);
    return { project, integration, sources, run, canWrite };
  },
});

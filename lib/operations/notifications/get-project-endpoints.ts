import "server-only";
import { z } from "zod";
import { can } from "@/lib/auth/access";
import { listEndpoints, recentEndpointDeliveries } from "@/lib/data/notifications/endpoints";
import { getProject } from "@/lib/data/projects";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

/** The project's Slack and webhook page: its destinations, their recent deliveries, and who may change them. */
export const getProjectEndpoints = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "integrations:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx) => {
    const [project, endpoints, deliveries] = await Promise.all([getProject(ctx), listEndpoints(ctx), recentEndpointDeliveries(ctx)]);
    return { project, endpoints, deliveries, canManage: can(ctx, "integrations:write") };
  },
});

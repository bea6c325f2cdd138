import "server-only";
import { z } from "zod";
import { can } from "@/lib/auth/access";
import { listAppCards } from "@/lib/data/apps";
import { getProject } from "@/lib/data/projects";
import { appDownloadSparklines } from "@/lib/data/sales/sparklines";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

/**
 * The project page: the project, its app cards, whether the reader may change them, and — for readers of sales — each
 * app's downloads over the last 30 days that are in (one read of the per-app rollup).
 */
export const getProjectOverview = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "reviews:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx) => {
    const [project, apps, sales] = await Promise.all([getProject(ctx), listAppCards(ctx), can(ctx, "sales:read") ? appDownloadSparklines(ctx) : null]);
    return { project, apps, canEdit: can(ctx, "projects:write"), downloads: Object.fromEntries((sales?.apps ?? []).map((s) => [s.appId, s])) };
  },
});

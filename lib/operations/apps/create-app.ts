import "server-only";
import { z } from "zod";
import * as apps from "@/lib/data/apps";
import { requestAppVersionSync } from "@/lib/sync/versions/request-app-version-sync";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { appFields } from "./app-fields";

export const createApp = defineOperation({
  input: z.object({ projectId: idSchema, ...appFields }),
  permission: "projects:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx, { projectId: _projectId, ...app }) => {
    const card = await apps.createApp(ctx, app);
    // Its App Store id and version now, not at the next hourly run (the card can show them at once).
    if (card.platform === "apple") await requestAppVersionSync({ id: card.id, teamId: ctx.teamId, projectId: ctx.projectId });
    return card;
  },
  revalidate: (i) => [`/dashboard/projects/${i.projectId}`],
});

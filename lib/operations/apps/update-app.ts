import "server-only";
import { z } from "zod";
import * as apps from "@/lib/data/apps";
import { requestAppVersionSync } from "@/lib/sync/versions/request-app-version-sync";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { appFields } from "./app-fields";

export const updateApp = defineOperation({
  input: z.object({ appId: idSchema, ...appFields }),
  permission: "projects:write",
  scope: (i) => ({ appId: i.appId }),
  handler: async (ctx, { appId: _appId, ...app }) => {
    const card = await apps.updateApp(ctx, app);
    // A new bundle id without an App Store id is looked up at once, as a new app is.
    if (card.platform === "apple" && !card.appStoreId && card.appStoreLookup?.status === null) {
      await requestAppVersionSync({ id: card.id, teamId: ctx.teamId, projectId: ctx.projectId });
    }
    return card;
  },
  revalidate: () => ["/dashboard"],
});

import "server-only";
import { z } from "zod";
import { createApp, deleteApp, markAppStoreLookupRequested, updateApp } from "@/lib/data/apps";
import { requestAppVersionSync } from "@/lib/sync/versions/request-app-version-sync";
import { appStoreIdSchema, bundleIdSchema, idSchema, nameSchema, platformSchema } from "@/lib/validation";
import { defineAction } from "../define-action";

const appFields = {
  name: nameSchema("App name"),
  platform: platformSchema,
  bundleId: bundleIdSchema,
  appStoreId: z.preprocess((v) => (v === "" || v === null ? undefined : v), appStoreIdSchema.optional()),
};

export const createAppAction = defineAction({
  input: z.object({ projectId: idSchema, ...appFields }),
  permission: "projects:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx, { projectId: _projectId, ...app }) => {
    const card = await createApp(ctx, app);
    // Its App Store id and version now, not at the next hourly run (the card can show them at once).
    if (card.platform === "apple") await requestAppVersionSync({ id: card.id, teamId: ctx.teamId, projectId: ctx.projectId });
    return card;
  },
  revalidate: (i) => [`/dashboard/projects/${i.projectId}`],
});

export const updateAppAction = defineAction({
  input: z.object({ appId: idSchema, ...appFields }),
  permission: "projects:write",
  scope: (i) => ({ appId: i.appId }),
  handler: async (ctx, { appId: _appId, ...app }) => {
    const card = await updateApp(ctx, app);
    // A new bundle id without an App Store id is looked up at once, as a new app is.
    if (card.platform === "apple" && !card.appStoreId && card.appStoreLookup?.status === null) {
      await requestAppVersionSync({ id: card.id, teamId: ctx.teamId, projectId: ctx.projectId });
    }
    return card;
  },
  revalidate: () => ["/dashboard"],
});

/** "Retry now" on an app Apple could not be reached for: its bundle-id look-up again, at once. */
export const retryAppStoreLookupAction = defineAction({
  input: z.object({ appId: idSchema }),
  permission: "projects:write",
  scope: (i) => ({ appId: i.appId }),
  handler: async (ctx) => {
    const app = await markAppStoreLookupRequested(ctx);
    return { runId: await requestAppVersionSync(app) };
  },
  revalidate: () => ["/dashboard"],
});

export const deleteAppAction = defineAction({
  input: z.object({ appId: idSchema }),
  permission: "projects:write",
  scope: (i) => ({ appId: i.appId }),
  handler: (ctx) => deleteApp(ctx),
  revalidate: () => ["/dashboard"],
});

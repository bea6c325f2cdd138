import "server-only";
import { z } from "zod";
import {
  copyIntegrationFrom,
  getIntegration,
  removeIntegration,
  saveIntegration,
  setIntegrationEnabled,
  testConnection,
} from "@/lib/data/integrations";
import { ConflictError } from "@/lib/errors";
import { requestProjectSync } from "@/lib/jobs/request-sync";
import { latestRun } from "@/lib/sync/runs";
import { idSchema } from "@/lib/validation";
import { defineAction } from "../define-action";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const integrationInputSchema = z
  .object({
    projectId: idSchema,
    keyType: z.enum(["team", "individual"], { message: "Choose a team key or an individual key." }),
    issuerId: z.preprocess(blank, z
        .string()
        .trim()
        .toLowerCase()
        // Apple's issuer ids are UUID-shaped but not RFC 4122 variants, so z.uuid() would refuse real ones.
        .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: "The Issuer ID has 36 characters, like xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx: copy it from above the key list in App Store Connect." }).optional()),
    keyId: z
      .string({ message: "Key ID is required." })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{8,12}$/, { message: "The Key ID is 10 letters and digits, e.g. 2X9R4HXF34 (it is in the file name AuthKey_<KEY_ID>.p8)." }),
    privateKey: z.preprocess(blank, z.string().max(10_000, { message: "That is not a .p8 key: it is far too long." }).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.keyType === "team" && !v.issuerId) ctx.addIssue({ code: "custom", path: ["issuerId"], message: "Team keys need the Issuer ID shown above the key list in App Store Connect." });
  });

const integrationsPath = (projectId: string) => [`/dashboard/projects/${projectId}/integrations`, `/dashboard/projects/${projectId}`];

export const saveIntegrationAction = defineAction({
  input: integrationInputSchema,
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx, i) => saveIntegration(ctx, { keyType: i.keyType, issuerId: i.issuerId ?? null, keyId: i.keyId, privateKey: i.privateKey ?? null }),
  revalidate: (i) => integrationsPath(i.projectId),
});

export const testConnectionAction = defineAction({
  input: z.object({ projectId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx) => testConnection(ctx),
  revalidate: (i) => integrationsPath(i.projectId),
});

export const copyIntegrationAction = defineAction({
  input: z.object({ projectId: idSchema, sourceProjectId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  // The key is copied out of the source: it must be within the caller's reach too (a project-scoped agent key's
  // own project only).
  related: (i) => [{ projectId: i.sourceProjectId }],
  handler: (ctx, i) => copyIntegrationFrom(ctx, i.sourceProjectId),
  revalidate: (i) => integrationsPath(i.projectId),
});

export const setIntegrationEnabledAction = defineAction({
  input: z.object({ projectId: idSchema, enabled: z.preprocess((v) => v === true || v === "true", z.boolean()) }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx, i) => setIntegrationEnabled(ctx, i.enabled),
  revalidate: (i) => integrationsPath(i.projectId),
});

export const removeIntegrationAction = defineAction({
  input: z.object({ projectId: idSchema, confirm: z.literal("remove", { message: 'Type "remove" to confirm.' }) }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx) => removeIntegration(ctx),
  revalidate: (i) => integrationsPath(i.projectId),
});

export const requestReviewsSyncAction = defineAction({
  input: z.object({ projectId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx) => {
    const integration = await getIntegration(ctx);
    if (!integration?.enabled) {
      throw new ConflictError(integration ? "Enable the App Store Connect integration to sync reviews." : "Set up App Store Connect for this project first.");
    }
    const { run, alreadyRunning } = await requestProjectSync("app_store_connect_reviews_sync", { teamId: ctx.teamId, projectId: ctx.projectId }, ctx.caller.kind === "apiKey" ? "api" : "manual");
    return { runId: run.id, status: run.status, alreadyRunning };
  },
});

/** Integration status and the latest reviews run, for members too (read-only). */
export const integrationStatusAction = defineAction({
  input: z.object({ projectId: idSchema }),
  permission: "integrations:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx) => ({ integration: await getIntegration(ctx), latestRun: await latestRun("app_store_connect_reviews_sync", ctx.projectId) }),
});

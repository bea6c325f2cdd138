import { z } from "zod";
import { isoDateTime, upstreamSchema, uuid } from "./common";
import { syncRunSchema } from "./runs";

export const connectionTestSchema = z
  .object({
    ok: z.boolean(),
    testedAt: isoDateTime,
    apps: z.array(z.object({ ascAppId: z.string(), name: z.string(), bundleId: z.string(), projectAppId: z.string().nullable() })),
    coverage: z.array(
      z.object({ appId: z.string(), name: z.string(), bundleId: z.string().nullable(), covered: z.boolean(), appStoreId: z.string().nullable() }),
    ),
    error: upstreamSchema.nullable(),
  })
  .meta({ id: "ConnectionTest" });

export const integrationSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    keyType: z.enum(["team", "individual"]),
    issuerId: z.string().nullable(),
    keyId: z.string(),
    enabled: z.boolean(),
    addedAt: isoDateTime,
    updatedAt: isoDateTime,
    lastTest: connectionTestSchema.nullable(),
    lastSync: z.object({ at: isoDateTime.nullable(), status: z.string().nullable(), error: z.string().nullable() }).nullable(),
  })
  .meta({ id: "Integration", description: "An App Store Connect integration. The private key never leaves the server." });

export const integrationStatusSchema = z
  .object({
    integration: integrationSchema.nullable(),
    latestRun: syncRunSchema.nullable(),
    canSync: z.boolean().describe("Whether the caller may start a reviews sync (integrations:write)."),
  })
  .meta({ id: "IntegrationStatus" });

export const copyIntegrationBody = z.object({
  fromProjectId: uuid("project").describe("The project (of the same team) whose App Store Connect key is copied."),
});

export const copyIntegrationResultSchema = z
  .object({ integration: integrationSchema, test: connectionTestSchema })
  .meta({ id: "IntegrationCopied" });

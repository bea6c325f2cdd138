import { z } from "zod";
import { isoDateTime, upstreamSchema, uuid } from "./common";
import { syncRunSchema } from "./runs";

const reportAccessCheckSchema = z.object({
  ok: z.boolean(),
  problem: z
    .enum(["no_vendor_number", "individual_key", "missing_role", "wrong_vendor_number", "key_rejected", "agreement", "rate_limited", "apple_unavailable", "refused"])
    .nullable()
    .describe("Why the report cannot be read: an individual key, a role without Sales/Finance, a vendor number Apple does not accept for the key, …"),
  status: z.number().int().nullable().describe("Apple's HTTP status (null: no call was made)."),
  code: z.string().nullable(),
  detail: z.string().nullable(),
  hint: z.string().describe("What to do, or what the answer means."),
});

export const reportAccessSchema = z
  .object({ testedAt: isoDateTime, sales: reportAccessCheckSchema, finance: reportAccessCheckSchema })
  .meta({ id: "ReportAccess", description: "Whether the key reads Sales and Trends and Finance reports for the vendor number." });

export const connectionTestSchema = z
  .object({
    ok: z.boolean(),
    testedAt: isoDateTime,
    apps: z.array(z.object({ ascAppId: z.string(), name: z.string(), bundleId: z.string(), projectAppId: z.string().nullable() })),
    coverage: z.array(
      z.object({ appId: z.string(), name: z.string(), bundleId: z.string().nullable(), covered: z.boolean(), appStoreId: z.string().nullable() }),
    ),
    error: upstreamSchema.nullable(),
    reports: reportAccessSchema.nullable().describe("Null when the integration has no vendor number."),
  })
  .meta({ id: "ConnectionTest" });

export const integrationSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    keyType: z.enum(["team", "individual"]),
    issuerId: z.string().nullable(),
    keyId: z.string(),
    vendorNumber: z.string().nullable().describe("Apple's vendor number for Sales and Finance reports."),
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

const salesCoverageSchema = z.object({
  from: z.string().describe("YYYY-MM-DD: the oldest day Apple still keeps."),
  to: z.string().describe("YYYY-MM-DD: the newest published day."),
  days: z.number().int(),
  imported: z.number().int(),
  noSales: z.number().int().describe("Days Apple answered had no sales (stored as zero)."),
  pending: z.number().int().describe("Days Apple has not published yet: asked again, never shown as zero."),
  failed: z.number().int(),
  unavailable: z.number().int(),
  notAsked: z.number().int(),
});

const financeCoverageSchema = z.object({
  months: z.number().int(),
  imported: z.number().int(),
  noReport: z.number().int(),
  pending: z.number().int(),
  failed: z.number().int(),
  notAsked: z.number().int(),
});

export const reportsStatusSchema = z
  .object({
    vendorNumber: z.string().nullable(),
    sales: salesCoverageSchema,
    salesRun: syncRunSchema.nullable().describe("The latest sales run: the backfill or the daily sync."),
    finance: financeCoverageSchema,
    financeRun: syncRunSchema.nullable(),
    canSync: z.boolean().describe("Whether the caller may start a report sync (integrations:write)."),
  })
  .meta({ id: "ReportsStatus" });

export const reportsSyncRequestedSchema = z
  .object({
    runId: z.string().describe("The sales run (a backfill of every day not stored yet)."),
    status: z.enum(["queued", "running", "succeeded", "partial", "failed"]),
    alreadyRunning: z.boolean().describe("A sales run was already queued or running for the project: its id is returned, no second one starts."),
    financeRunId: z.string().nullable(),
    financeSkipped: z.string().nullable().describe("Why no finance run was started (the key's role cannot read Finance reports)."),
  })
  .meta({ id: "ReportsSyncRequested" });

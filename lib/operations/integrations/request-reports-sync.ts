import "server-only";
import { z } from "zod";
import { getIntegration } from "@/lib/data/integrations";
import { ConflictError } from "@/lib/errors";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { requestReportRuns } from "./report-runs";

/** "Sync reports": imports every Sales day Apple keeps that is not stored yet, and the due Finance months; or returns the sales run already going. */
export const requestReportsSync = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx) => {
    const integration = await getIntegration(ctx);
    if (!integration) throw new ConflictError("Set up App Store Connect for this project first.");
    if (!integration.enabled) throw new ConflictError("Enable the App Store Connect integration to sync reports.");
    if (!integration.vendorNumber) throw new ConflictError("Add the vendor number (App Store Connect → Payments and Financial Reports) to sync Sales and Finance reports.");
    if (integration.keyType === "individual") throw new ConflictError("Individual API keys cannot read Sales and Finance reports: use a team key with the Sales and Reports, Finance or Admin role.");
    return requestReportRuns(ctx, integration.lastTest);
  },
});

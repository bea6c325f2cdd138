import "server-only";
// The stored side of "Test connection": the project's Apple apps to match against what the key sees, and the
// result, kept on the integration. The call to Apple is the operation's (lib/operations/integrations/test-connection.ts).
import type { ProjectAccess } from "@/lib/auth/access";
import { db } from "@/lib/db";
import type { ProjectAppleApp } from "./app-store-ids";
import type { ConnectionTest } from "./view";

export async function listProjectAppleApps(ctx: Pick<ProjectAccess, "teamId" | "projectId">): Promise<Array<ProjectAppleApp & { name: string }>> {
  return db.app.findMany({
    where: { projectId: ctx.projectId, teamId: ctx.teamId, platform: "apple" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, bundleId: true, appleAppStoreId: true },
  });
}

export async function recordConnectionTest(integrationId: string, result: ConnectionTest) {
  await db.integration.update({
    where: { id: integrationId },
    data: { lastTestedAt: new Date(result.testedAt), lastTestOk: result.ok, lastTestResult: result as object },
  });
}

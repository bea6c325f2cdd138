import { getRun as getRunEndpoint } from "@/lib/api/v1/endpoints";
import { runWithScope } from "@/lib/api/v1/run-scope";
import { v1Route, withAccess } from "@/lib/api/v1/route";

export const GET = v1Route(getRunEndpoint, async ({ caller, input }) => {
  const { scope, run } = await runWithScope(input.runId);
  return withAccess(caller, scope, getRunEndpoint.permission, async () => run);
});

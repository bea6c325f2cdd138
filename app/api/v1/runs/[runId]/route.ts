import { getRun as getRunEndpoint } from "@/lib/api/v1/endpoints";
import { runScope } from "@/lib/api/v1/run-scope";
import { v1Route, withAccess } from "@/lib/api/v1/route";
import { NotFoundError } from "@/lib/errors";
import { getRun } from "@/lib/sync/runs";

export const GET = v1Route(getRunEndpoint, async ({ caller, input }) =>
  withAccess(caller, await runScope(input.runId), getRunEndpoint.permission, async (ctx) => {
    const run = await getRun(input.runId, ctx.teamId);
    if (!run) throw new NotFoundError("Run");
    return run;
  }),
);

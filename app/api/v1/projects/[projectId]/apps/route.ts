import { v1Route, withAccess } from "@/lib/api/v1/route";
import { listApps } from "@/lib/api/v1/endpoints";
import { listAppCards } from "@/lib/data/apps";

export const GET = v1Route(listApps, ({ caller, input }) =>
  withAccess(caller, { projectId: input.projectId }, listApps.permission, async (ctx) => ({ apps: await listAppCards(ctx) })),
);

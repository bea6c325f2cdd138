import { integrationStatusAction } from "@/lib/actions/defs/integrations";
import { getAscIntegration } from "@/lib/api/v1/endpoints";
import { v1Route, viaAction } from "@/lib/api/v1/route";

export const GET = v1Route(getAscIntegration, ({ caller, input }) => viaAction(integrationStatusAction, caller, { projectId: input.projectId }));

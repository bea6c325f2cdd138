import { testConnectionAction } from "@/lib/actions/defs/integrations";
import { testAscIntegration } from "@/lib/api/v1/endpoints";
import { v1Route, viaAction } from "@/lib/api/v1/route";

export const POST = v1Route(testAscIntegration, ({ caller, input }) => viaAction(testConnectionAction, caller, { projectId: input.projectId }));

import { copyIntegrationAction } from "@/lib/actions/defs/integrations";
import { copyAscIntegration } from "@/lib/api/v1/endpoints";
import { v1Route, viaAction } from "@/lib/api/v1/route";

export const POST = v1Route(copyAscIntegration, ({ caller, input }) =>
  viaAction(copyIntegrationAction, caller, { projectId: input.projectId, sourceProjectId: input.fromProjectId }),
);

import { requestReviewsSyncAction } from "@/lib/actions/defs/integrations";
import { syncAscIntegration } from "@/lib/api/v1/endpoints";
import { v1Route, viaAction } from "@/lib/api/v1/route";

export const POST = v1Route(syncAscIntegration, ({ caller, input }) => viaAction(requestReviewsSyncAction, caller, { projectId: input.projectId }));

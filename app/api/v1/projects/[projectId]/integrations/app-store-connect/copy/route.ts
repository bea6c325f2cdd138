import { copyAscIntegration } from "@/lib/api/v1/endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { copyIntegration } from "@/lib/operations/integrations";

export const POST = v1Route(copyAscIntegration, copyIntegration, {
  input: ({ projectId, fromProjectId }) => ({ projectId, sourceProjectId: fromProjectId }),
});

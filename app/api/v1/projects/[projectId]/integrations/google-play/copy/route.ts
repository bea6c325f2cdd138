import { copyPlayIntegration } from "@/lib/api/v1/google-play-endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { copyPlayConnection } from "@/lib/operations/google-play";

export const POST = v1Route(copyPlayIntegration, copyPlayConnection, {
  input: ({ projectId, fromProjectId }) => ({ projectId, sourceProjectId: fromProjectId }),
});

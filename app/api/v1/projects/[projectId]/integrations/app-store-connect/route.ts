import { getAscIntegration } from "@/lib/api/v1/endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { getIntegrationStatus } from "@/lib/operations/integrations";

export const GET = v1Route(getAscIntegration, getIntegrationStatus);

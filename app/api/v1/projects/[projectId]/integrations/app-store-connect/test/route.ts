import { testAscIntegration } from "@/lib/api/v1/endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { testConnection } from "@/lib/operations/integrations";

export const POST = v1Route(testAscIntegration, testConnection);

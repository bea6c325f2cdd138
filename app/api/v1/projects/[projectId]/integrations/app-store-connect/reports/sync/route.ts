import { syncAscReports } from "@/lib/api/v1/endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { requestReportsSync } from "@/lib/operations/integrations";

export const POST = v1Route(syncAscReports, requestReportsSync);

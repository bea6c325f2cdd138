import { getAscReportsStatus } from "@/lib/api/v1/endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { getReportsStatus } from "@/lib/operations/integrations";

export const GET = v1Route(getAscReportsStatus, getReportsStatus);

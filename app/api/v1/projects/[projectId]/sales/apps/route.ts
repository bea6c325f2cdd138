import { projectSalesByApp } from "@/lib/api/v1/sales-endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { getProjectSalesByApp } from "@/lib/operations/sales";

export const GET = v1Route(projectSalesByApp, getProjectSalesByApp);

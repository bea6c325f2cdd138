import { projectSales } from "@/lib/api/v1/sales-endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { getProjectSales } from "@/lib/operations/sales";

export const GET = v1Route(projectSales, getProjectSales);

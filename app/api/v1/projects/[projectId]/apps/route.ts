import { listApps as listAppsEndpoint } from "@/lib/api/v1/endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { listApps } from "@/lib/operations/apps";

export const GET = v1Route(listAppsEndpoint, listApps);

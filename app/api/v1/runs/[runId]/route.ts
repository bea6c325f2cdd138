import { getRun as getRunEndpoint } from "@/lib/api/v1/endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { getRun } from "@/lib/operations/runs";

export const GET = v1Route(getRunEndpoint, getRun);

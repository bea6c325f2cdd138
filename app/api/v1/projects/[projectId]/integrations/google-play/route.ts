import { getPlayIntegration } from "@/lib/api/v1/google-play-endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { getPlayStatus } from "@/lib/operations/google-play";

export const GET = v1Route(getPlayIntegration, getPlayStatus);

import { testPlayIntegration } from "@/lib/api/v1/google-play-endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { testPlayConnection } from "@/lib/operations/google-play";

export const POST = v1Route(testPlayIntegration, testPlayConnection);

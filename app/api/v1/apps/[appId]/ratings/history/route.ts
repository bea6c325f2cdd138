import { appRatingHistory } from "@/lib/api/v1/ratings-endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { getAppRatingHistory } from "@/lib/operations/ratings";

export const GET = v1Route(appRatingHistory, getAppRatingHistory);

import { getReview as getReviewEndpoint } from "@/lib/api/v1/endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { getReview } from "@/lib/operations/reviews";

export const GET = v1Route(getReviewEndpoint, getReview);

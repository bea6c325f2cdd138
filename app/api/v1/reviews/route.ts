import { listReviews } from "@/lib/api/v1/endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { searchReviews } from "@/lib/operations/reviews";

export const GET = v1Route(listReviews, searchReviews);

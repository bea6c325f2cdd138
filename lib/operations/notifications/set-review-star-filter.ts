import "server-only";
import { z } from "zod";
import * as settings from "@/lib/data/notifications/settings";
import { reviewStarsSchema } from "@/lib/notifications/types";
import { defineUserOperation } from "../define-operation";

export const setReviewStarFilter = defineUserOperation({
  input: z.object({ stars: reviewStarsSchema }),
  handler: ({ userId }, input) => settings.setReviewStarFilter(userId, input.stars),
  revalidate: () => ["/dashboard/settings/notifications"],
});

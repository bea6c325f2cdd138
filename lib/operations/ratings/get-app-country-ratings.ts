import "server-only";
import { z } from "zod";
import { appCountryRatings } from "@/lib/data/ratings/app-country-ratings";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

export const getAppCountryRatings = defineOperation({
  input: z.object({ appId: idSchema }),
  permission: "reviews:read",
  scope: (i) => ({ appId: i.appId }),
  handler: (ctx) => appCountryRatings(ctx),
});

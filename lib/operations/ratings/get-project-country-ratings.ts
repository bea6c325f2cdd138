import "server-only";
import { z } from "zod";
import { projectCountryRatings } from "@/lib/data/ratings/project-country-ratings";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

export const getProjectCountryRatings = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "reviews:read",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx) => projectCountryRatings(ctx),
});

import "server-only";
import { z } from "zod";
import * as teams from "@/lib/data/teams";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

export const removeMember = defineOperation({
  input: z.object({ teamId: idSchema, userId: idSchema }),
  permission: "team:admin",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx, i) => teams.removeMember(ctx, i),
  revalidate: () => ["/dashboard/team"],
});

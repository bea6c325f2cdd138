import "server-only";
import { z } from "zod";
import * as teams from "@/lib/data/teams";
import { idSchema } from "@/lib/validation";
import { defineUserOperation } from "../define-operation";

export const leaveTeam = defineUserOperation({
  input: z.object({ teamId: idSchema }),
  handler: (user, i) => teams.leaveTeam(user.userId, i),
  revalidate: () => ["/dashboard"],
});

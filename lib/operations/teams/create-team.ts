import "server-only";
import { z } from "zod";
import * as teams from "@/lib/data/teams";
import { nameSchema } from "@/lib/validation";
import { defineUserOperation } from "../define-operation";

export const createTeam = defineUserOperation({
  input: z.object({ name: nameSchema("Team name") }),
  handler: (user, i) => teams.createTeam(user.userId, i),
  revalidate: () => ["/dashboard"],
});

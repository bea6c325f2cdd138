import "server-only";
import { z } from "zod";
import * as teams from "@/lib/data/teams";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { roleSchema } from "./team-fields";

export const changeMemberRole = defineOperation({
  input: z.object({ teamId: idSchema, userId: idSchema, role: roleSchema }),
  permission: "team:admin",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx, i) => teams.changeMemberRole(ctx, i),
  revalidate: () => ["/dashboard/team"],
});

import "server-only";
import { z } from "zod";
import * as invites from "@/lib/data/invites";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { roleSchema } from "./team-fields";

export const createInvite = defineOperation({
  input: z.object({ teamId: idSchema, role: roleSchema.default("member") }),
  permission: "team:admin",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx, i) => invites.createInvite(ctx, { role: i.role }),
  revalidate: () => ["/dashboard/team"],
});

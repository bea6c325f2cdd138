import "server-only";
import { z } from "zod";
import * as invites from "@/lib/data/invites";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

export const revokeInvite = defineOperation({
  input: z.object({ teamId: idSchema, inviteId: idSchema }),
  permission: "team:admin",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx, i) => invites.revokeInvite(ctx, i),
  revalidate: () => ["/dashboard/team"],
});

import "server-only";
import { z } from "zod";
import * as invites from "@/lib/data/invites";
import { defineUserOperation } from "../define-operation";

export const acceptInvite = defineUserOperation({
  input: z.object({ token: z.string().max(200) }),
  handler: (user, i) => invites.acceptInvite(user.userId, i.token),
  revalidate: () => ["/dashboard"],
});

import "server-only";
import { z } from "zod";
import * as agentKeys from "@/lib/data/agent-keys";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

export const revokeAgentKey = defineOperation({
  input: z.object({ teamId: idSchema, keyId: idSchema }),
  permission: "team:admin",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx, i) => agentKeys.revokeAgentKey(ctx, { keyId: i.keyId }),
  revalidate: () => ["/dashboard/team/agent-keys"],
});

import "server-only";
import { z } from "zod";
import * as agentKeys from "@/lib/data/agent-keys";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

export const listAgentKeys = defineOperation({
  input: z.object({ teamId: idSchema }),
  permission: "team:admin",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx) => agentKeys.listAgentKeys(ctx),
});

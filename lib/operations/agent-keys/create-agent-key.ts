import "server-only";
import { z } from "zod";
import * as agentKeys from "@/lib/data/agent-keys";
import { idSchema, nameSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

const blankToNull = (v: unknown) => (v === "" || v === "all" || v === undefined ? null : v);
// Checkbox groups arrive as one string or several; an absent group means the safe default (read only).
const permissionList = z.preprocess(
  (v) => (v === undefined ? agentKeys.DEFAULT_AGENT_KEY_PERMISSIONS : typeof v === "string" ? [v] : v),
  z.array(z.enum(agentKeys.AGENT_KEY_PERMISSIONS, { message: "Unknown permission." })).min(1, { message: "Choose at least one permission." }),
);

export const createAgentKey = defineOperation({
  input: z.object({
    teamId: idSchema,
    name: nameSchema("Key name", 80),
    projectId: z.preprocess(blankToNull, idSchema.nullable()),
    permissions: permissionList,
  }),
  permission: "team:admin",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx, i) => agentKeys.createAgentKey(ctx, { name: i.name, projectId: i.projectId, permissions: i.permissions }),
  revalidate: () => ["/dashboard/team/agent-keys"],
});

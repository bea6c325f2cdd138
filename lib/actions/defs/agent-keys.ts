import "server-only";
import { z } from "zod";
import { AGENT_KEY_PERMISSIONS, createAgentKey, DEFAULT_AGENT_KEY_PERMISSIONS, listAgentKeys, revokeAgentKey } from "@/lib/data/agent-keys";
import { idSchema, nameSchema } from "@/lib/validation";
import { defineAction } from "../define-action";

const blankToNull = (v: unknown) => (v === "" || v === "all" || v === undefined ? null : v);
// Checkbox groups arrive as one string or several; an absent group means the safe default (read only).
const permissionList = z.preprocess(
  (v) => (v === undefined ? DEFAULT_AGENT_KEY_PERMISSIONS : typeof v === "string" ? [v] : v),
  z.array(z.enum(AGENT_KEY_PERMISSIONS, { message: "Unknown permission." })).min(1, { message: "Choose at least one permission." }),
);

export const createAgentKeyAction = defineAction({
  input: z.object({
    teamId: idSchema,
    name: nameSchema("Key name", 80),
    projectId: z.preprocess(blankToNull, idSchema.nullable()),
    permissions: permissionList,
  }),
  permission: "team:admin",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx, i) => createAgentKey(ctx, { name: i.name, projectId: i.projectId, permissions: i.permissions }),
  revalidate: () => ["/dashboard/team/agent-keys"],
});

export const revokeAgentKeyAction = defineAction({
  input: z.object({ teamId: idSchema, keyId: idSchema }),
  permission: "team:admin",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx, i) => revokeAgentKey(ctx, { keyId: i.keyId }),
  revalidate: () => ["/dashboard/team/agent-keys"],
});

export const listAgentKeysAction = defineAction({
  input: z.object({ teamId: idSchema }),
  permission: "team:admin",
  scope: (i) => ({ teamId: i.teamId }),
  handler: (ctx) => listAgentKeys(ctx),
});

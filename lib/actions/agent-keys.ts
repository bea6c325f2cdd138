"use server";
import * as agentKeys from "@/lib/operations/agent-keys";
import { serverAction } from "@/lib/operations/adapters/server-action";

export const createAgentKey = serverAction(agentKeys.createAgentKey);
export const revokeAgentKey = serverAction(agentKeys.revokeAgentKey);

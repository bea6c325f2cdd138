"use server";
import { createAgentKeyAction, revokeAgentKeyAction } from "./defs/agent-keys";

export async function createAgentKey(input: { teamId: string; name: string; projectId: string | null; permissions: string[] }) {
  return createAgentKeyAction.invoke(input as never);
}
export async function revokeAgentKey(input: { teamId: string; keyId: string }) {
  return revokeAgentKeyAction.invoke(input);
}

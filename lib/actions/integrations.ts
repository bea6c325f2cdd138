"use server";
import {
  copyIntegrationAction,
  integrationStatusAction,
  removeIntegrationAction,
  requestReviewsSyncAction,
  saveIntegrationAction,
  setIntegrationEnabledAction,
  testConnectionAction,
} from "./defs/integrations";

export async function saveIntegration(input: { projectId: string; keyType: string; issuerId?: string; keyId: string; privateKey?: string }) {
  return saveIntegrationAction.invoke(input as never);
}
export async function testConnection(input: { projectId: string }) {
  return testConnectionAction.invoke(input);
}
export async function copyIntegration(input: { projectId: string; sourceProjectId: string }) {
  return copyIntegrationAction.invoke(input);
}
export async function setIntegrationEnabled(input: { projectId: string; enabled: boolean }) {
  return setIntegrationEnabledAction.invoke(input);
}
export async function removeIntegration(input: { projectId: string; confirm: string }) {
  return removeIntegrationAction.invoke(input as never);
}
export async function requestReviewsSync(input: { projectId: string }) {
  return requestReviewsSyncAction.invoke(input);
}
export async function integrationStatus(input: { projectId: string }) {
  return integrationStatusAction.invoke(input);
}

"use server";
import { createAppAction, deleteAppAction, retryAppStoreLookupAction, updateAppAction } from "./defs/apps";

type AppFields = { name: string; platform: string; bundleId: string; appStoreId?: string };

export async function createApp(input: AppFields & { projectId: string }) {
  return createAppAction.invoke(input as never);
}
export async function updateApp(input: AppFields & { appId: string }) {
  return updateAppAction.invoke(input as never);
}
export async function deleteApp(input: { appId: string }) {
  return deleteAppAction.invoke(input);
}
export async function retryAppStoreLookup(input: { appId: string }) {
  return retryAppStoreLookupAction.invoke(input);
}

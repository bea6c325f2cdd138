"use server";
import * as apps from "@/lib/operations/apps";
import { serverAction } from "@/lib/operations/adapters/server-action";

export const createApp = serverAction(apps.createApp);
export const updateApp = serverAction(apps.updateApp);
export const deleteApp = serverAction(apps.deleteApp);
export const retryAppStoreLookup = serverAction(apps.retryAppStoreLookup);

"use server";
import * as integrations from "@/lib/operations/integrations";
import { serverAction } from "@/lib/operations/adapters/server-action";

export const saveIntegration = serverAction(integrations.saveIntegration);
export const testConnection = serverAction(integrations.testConnection);
export const copyIntegration = serverAction(integrations.copyIntegration);
export const setIntegrationEnabled = serverAction(integrations.setIntegrationEnabled);
export const removeIntegration = serverAction(integrations.removeIntegration);
export const requestReviewsSync = serverAction(integrations.requestReviewsSync);
export const requestReportsSync = serverAction(integrations.requestReportsSync);

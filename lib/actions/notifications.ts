"use server";
import type { NotificationType, UserChannel } from "@/lib/notifications/types";
import {
  createNotificationEndpointAction,
  deleteNotificationEndpointAction,
  listNotificationsAction,
  markAllNotificationsReadAction,
  markNotificationReadAction,
  rotateNotificationEndpointSecretAction,
  setNotificationPreferenceAction,
  setProjectMuteAction,
  setReviewStarFilterAction,
  testNotificationEndpointAction,
  updateNotificationEndpointAction,
} from "./defs/notifications";

export async function listNotifications(input: { limit?: number; before?: string | null }) {
  return listNotificationsAction.invoke(input);
}
export async function markNotificationRead(input: { notificationId: string }) {
  return markNotificationReadAction.invoke(input);
}
export async function markAllNotificationsRead() {
  return markAllNotificationsReadAction.invoke({});
}
export async function setNotificationPreference(input: { type: NotificationType; channel: UserChannel; enabled: boolean }) {
  return setNotificationPreferenceAction.invoke(input);
}
export async function setProjectMute(input: { projectId: string; muted: boolean }) {
  return setProjectMuteAction.invoke(input);
}
export async function setReviewStarFilter(input: { stars: number[] }) {
  return setReviewStarFilterAction.invoke(input);
}
export async function createNotificationEndpoint(input: { projectId: string; kind: "slack" | "webhook"; name: string; url: string; eventTypes: string[] }) {
  return createNotificationEndpointAction.invoke(input as never);
}
export async function updateNotificationEndpoint(input: { projectId: string; endpointId: string; name?: string; eventTypes?: string[]; enabled?: boolean }) {
  return updateNotificationEndpointAction.invoke(input as never);
}
export async function rotateNotificationEndpointSecret(input: { projectId: string; endpointId: string }) {
  return rotateNotificationEndpointSecretAction.invoke(input);
}
export async function deleteNotificationEndpoint(input: { projectId: string; endpointId: string }) {
  return deleteNotificationEndpointAction.invoke(input);
}
export async function testNotificationEndpoint(input: { projectId: string; endpointId: string }) {
  return testNotificationEndpointAction.invoke(input);
}

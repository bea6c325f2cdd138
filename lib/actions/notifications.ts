"use server";
import * as notifications from "@/lib/operations/notifications";
import { serverAction } from "@/lib/operations/adapters/server-action";

export const markNotificationRead = serverAction(notifications.markNotificationRead);
export const markAllNotificationsRead = serverAction(notifications.markAllNotificationsRead);
export const setNotificationPreference = serverAction(notifications.setNotificationPreference);
export const setProjectMute = serverAction(notifications.setProjectMute);
export const setReviewStarFilter = serverAction(notifications.setReviewStarFilter);
export const createNotificationEndpoint = serverAction(notifications.createNotificationEndpoint);
export const updateNotificationEndpoint = serverAction(notifications.updateNotificationEndpoint);
export const rotateNotificationEndpointSecret = serverAction(notifications.rotateNotificationEndpointSecret);
export const deleteNotificationEndpoint = serverAction(notifications.deleteNotificationEndpoint);
export const testNotificationEndpoint = serverAction(notifications.testNotificationEndpoint);

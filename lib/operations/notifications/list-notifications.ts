import "server-only";
import { notificationListQuery } from "@/lib/api/v1/schemas/notifications";
import { listInbox } from "@/lib/data/notifications/inbox";
import { defineUserOperation } from "../define-operation";

/** The signed-in person's inbox (the bell), newest first. */
export const listNotifications = defineUserOperation({
  input: notificationListQuery,
  handler: ({ userId }, input) => listInbox(userId, input),
});

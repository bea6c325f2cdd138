import "server-only";
import { z } from "zod";
import * as settings from "@/lib/data/notifications/settings";
import { notificationTypeSchema, userChannelSchema } from "@/lib/notifications/types";
import { defineUserOperation } from "../define-operation";

export const setNotificationPreference = defineUserOperation({
  input: z.object({ type: notificationTypeSchema, channel: userChannelSchema, enabled: z.boolean() }),
  handler: ({ userId }, input) => settings.setNotificationPreference(userId, input),
  revalidate: () => ["/dashboard/settings/notifications"],
});

import "server-only";
import { z } from "zod";
import * as inbox from "@/lib/data/notifications/inbox";
import { defineUserOperation } from "../define-operation";

export const markAllNotificationsRead = defineUserOperation({
  input: z.object({}),
  handler: ({ userId }) => inbox.markAllNotificationsRead(userId),
});

import "server-only";
import { z } from "zod";
import * as inbox from "@/lib/data/notifications/inbox";
import { idSchema } from "@/lib/validation";
import { defineUserOperation } from "../define-operation";

export const markNotificationRead = defineUserOperation({
  input: z.object({ notificationId: idSchema }),
  handler: ({ userId }, input) => inbox.markNotificationRead(userId, input.notificationId),
});

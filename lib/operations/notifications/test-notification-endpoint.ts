import "server-only";
import { z } from "zod";
import { sendTestMessage } from "@/lib/data/notifications/endpoints";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

export const testNotificationEndpoint = defineOperation({
  input: z.object({ projectId: idSchema, endpointId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx, input) => sendTestMessage(ctx, input.endpointId),
});

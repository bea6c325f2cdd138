import "server-only";
import { z } from "zod";
import { deleteEndpoint } from "@/lib/data/notifications/endpoints";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { projectNotificationsPath } from "./endpoint-fields";

export const deleteNotificationEndpoint = defineOperation({
  input: z.object({ projectId: idSchema, endpointId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx, input) => deleteEndpoint(ctx, input.endpointId),
  revalidate: (i) => projectNotificationsPath(i.projectId),
});

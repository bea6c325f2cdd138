import "server-only";
import { z } from "zod";
import { updateEndpoint } from "@/lib/data/notifications/endpoints";
import { idSchema, nameSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { eventTypesSchema, projectNotificationsPath } from "./endpoint-fields";

export const updateNotificationEndpoint = defineOperation({
  input: z.object({ projectId: idSchema, endpointId: idSchema, name: nameSchema("Name", 80).optional(), eventTypes: eventTypesSchema.optional(), enabled: z.boolean().optional() }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx, { projectId: _p, ...input }) => updateEndpoint(ctx, input),
  revalidate: (i) => projectNotificationsPath(i.projectId),
});

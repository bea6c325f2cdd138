import "server-only";
import { z } from "zod";
import { createEndpoint } from "@/lib/data/notifications/endpoints";
import { ENDPOINT_KINDS } from "@/lib/notifications/types";
import { idSchema, nameSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { endpointUrlSchema, eventTypesSchema, projectNotificationsPath } from "./endpoint-fields";

export const createNotificationEndpoint = defineOperation({
  input: z
    .object({
      projectId: idSchema,
      kind: z.enum(ENDPOINT_KINDS, { message: "Choose Slack or webhook." }),
      name: nameSchema("Name", 80),
      url: endpointUrlSchema,
      eventTypes: eventTypesSchema,
    })
    .superRefine((v, ctx) => {
      if (v.kind === "slack" && URL.canParse(v.url) && new URL(v.url).protocol !== "https:" && !/^(127\.0\.0\.1|localhost)$/.test(new URL(v.url).hostname)) {
        ctx.addIssue({ code: "custom", path: ["url"], message: "Slack incoming webhook URLs start with https://hooks.slack.com/services/…" });
      }
    }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx, { projectId: _p, ...input }) => createEndpoint(ctx, input),
  revalidate: (i) => projectNotificationsPath(i.projectId),
});

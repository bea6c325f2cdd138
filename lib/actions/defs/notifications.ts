import "server-only";
import { z } from "zod";
import { createEndpoint, deleteEndpoint, rotateEndpointSecret, sendTestMessage, updateEndpoint } from "@/lib/data/notifications/endpoints";
import { listInbox, markAllNotificationsRead, markNotificationRead } from "@/lib/data/notifications/inbox";
import { setNotificationPreference, setProjectMute, setReviewStarFilter } from "@/lib/data/notifications/settings";
import { ENDPOINT_EVENT_TYPES, ENDPOINT_KINDS, notificationTypeSchema, reviewStarsSchema, userChannelSchema } from "@/lib/notifications/types";
import { idSchema, nameSchema } from "@/lib/validation";
import { defineAction, defineUserAction } from "../define-action";

const SETTINGS_PATH = "/dashboard/settings/notifications";
const projectPath = (projectId: string) => [`/dashboard/projects/${projectId}/notifications`];

// ── The signed-in user's own inbox and settings (no team permission: everything is keyed by their user id).

export const listNotificationsAction = defineUserAction({
  input: z.object({ limit: z.number().int().min(1).max(50).default(20), before: idSchema.nullish() }),
  handler: ({ userId }, input) => listInbox(userId, input),
});

export const markNotificationReadAction = defineUserAction({
  input: z.object({ notificationId: idSchema }),
  handler: ({ userId }, input) => markNotificationRead(userId, input.notificationId),
});

export const markAllNotificationsReadAction = defineUserAction({
  input: z.object({}),
  handler: ({ userId }) => markAllNotificationsRead(userId),
});

export const setNotificationPreferenceAction = defineUserAction({
  input: z.object({ type: notificationTypeSchema, channel: userChannelSchema, enabled: z.boolean() }),
  handler: ({ userId }, input) => setNotificationPreference(userId, input),
  revalidate: () => [SETTINGS_PATH],
});

export const setProjectMuteAction = defineUserAction({
  input: z.object({ projectId: idSchema, muted: z.boolean() }),
  handler: ({ userId }, input) => setProjectMute(userId, input),
  revalidate: () => [SETTINGS_PATH],
});

export const setReviewStarFilterAction = defineUserAction({
  input: z.object({ stars: reviewStarsSchema }),
  handler: ({ userId }, input) => setReviewStarFilter(userId, input.stars),
  revalidate: () => [SETTINGS_PATH],
});

// ── Per-project Slack and webhooks: owners and admins (integrations:write).

const endpointUrlSchema = z
  .string({ message: "URL is required." })
  .trim()
  .max(2_000, { message: "That URL is too long." })
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), { message: "Enter an http:// or https:// URL." });
const eventTypesSchema = z
  .array(z.enum(ENDPOINT_EVENT_TYPES, { message: "That event cannot be sent to Slack or webhooks." }))
  .min(1, { message: "Choose at least one event." })
  .transform((types) => [...new Set(types)]);

export const createNotificationEndpointAction = defineAction({
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
  revalidate: (i) => projectPath(i.projectId),
});

export const updateNotificationEndpointAction = defineAction({
  input: z.object({ projectId: idSchema, endpointId: idSchema, name: nameSchema("Name", 80).optional(), eventTypes: eventTypesSchema.optional(), enabled: z.boolean().optional() }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx, { projectId: _p, ...input }) => updateEndpoint(ctx, input),
  revalidate: (i) => projectPath(i.projectId),
});

export const rotateNotificationEndpointSecretAction = defineAction({
  input: z.object({ projectId: idSchema, endpointId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx, input) => rotateEndpointSecret(ctx, input.endpointId),
});

export const deleteNotificationEndpointAction = defineAction({
  input: z.object({ projectId: idSchema, endpointId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx, input) => deleteEndpoint(ctx, input.endpointId),
  revalidate: (i) => projectPath(i.projectId),
});

export const testNotificationEndpointAction = defineAction({
  input: z.object({ projectId: idSchema, endpointId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx, input) => sendTestMessage(ctx, input.endpointId),
});

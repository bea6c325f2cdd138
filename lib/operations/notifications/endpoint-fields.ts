import { z } from "zod";
import { ENDPOINT_EVENT_TYPES } from "@/lib/notifications/types";

export const endpointUrlSchema = z
  .string({ message: "URL is required." })
  .trim()
  .max(2_000, { message: "That URL is too long." })
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), { message: "Enter an http:// or https:// URL." });

export const eventTypesSchema = z
  .array(z.enum(ENDPOINT_EVENT_TYPES, { message: "That event cannot be sent to Slack or webhooks." }))
  .min(1, { message: "Choose at least one event." })
  .transform((types) => [...new Set(types)]);

export const projectNotificationsPath = (projectId: string) => [`/dashboard/projects/${projectId}/notifications`];

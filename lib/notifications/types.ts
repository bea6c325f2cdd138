// Event types, channels and their defaults: shared by the dispatcher, the preferences page and the API.
import { z } from "zod";

export const NOTIFICATION_TYPES = ["app.rating_changed", "app.review_new", "sync.failed", "webhook.disabled"] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
export const notificationTypeSchema = z.enum(NOTIFICATION_TYPES, { message: "Unknown notification type." });

/** Channels a person chooses for themself; Slack and webhooks are per project, set by admins. */
export const USER_CHANNELS = ["in_app", "email"] as const;
export type UserChannel = (typeof USER_CHANNELS)[number];
export const userChannelSchema = z.enum(USER_CHANNELS, { message: "Unknown channel." });

export const ENDPOINT_KINDS = ["slack", "webhook"] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];
export type Channel = UserChannel | EndpointKind;

/** What a project's Slack channel or webhook can subscribe to. */
export const ENDPOINT_EVENT_TYPES = ["app.review_new", "app.rating_changed", "sync.failed"] as const satisfies readonly NotificationType[];

export interface TypeMeta {
  label: string;
  description: string;
  /** Only owners and admins receive it. */
  adminOnly: boolean;
  defaults: Record<UserChannel, boolean>;
}

export const TYPE_META: Record<NotificationType, TypeMeta> = {
  "app.review_new": {
    label: "New reviews",
    description: "Written reviews that arrived with a sync, with the stars and a snippet of the newest.",
    adminOnly: false,
    defaults: { in_app: true, email: true },
  },
  "app.rating_changed": {
    label: "Rating changes",
    description: "New ratings on an App Store app and its worldwide average after the daily ratings sync; a moved Play Console average for a Google Play app.",
    adminOnly: false,
    defaults: { in_app: true, email: false },
  },
  "sync.failed": {
    label: "Failed syncs",
    description: "A scheduled or manual sync failed, or App Store Connect or Google Play stopped accepting the key.",
    adminOnly: true,
    defaults: { in_app: true, email: true },
  },
  "webhook.disabled": {
    label: "Slack or webhook turned off",
    description: "A project's Slack channel or webhook kept failing and was disabled.",
    adminOnly: true,
    defaults: { in_app: true, email: true },
  },
};

export const CHANNEL_LABELS: Record<Channel, string> = { in_app: "In-app", email: "Email", slack: "Slack", webhook: "Webhook" };

export const STAR_VALUES = [1, 2, 3, 4, 5] as const;
export const reviewStarsSchema = z
  .array(z.number().int().min(1).max(5), { message: "Stars are whole numbers from 1 to 5." })
  .max(5)
  .transform((stars) => [...new Set(stars)].sort());

/** Whether a user wants this type on this channel: their own choice, else the default. */
export function wantsChannel(saved: ReadonlyMap<string, boolean>, type: NotificationType, channel: UserChannel): boolean {
  return saved.get(`${type}:${channel}`) ?? TYPE_META[type].defaults[channel];
}

/** An empty filter (or unknown stars) lets every review through; otherwise one new review must match. */
export function passesStarFilter(filter: readonly number[], stars: readonly number[] | null): boolean {
  if (filter.length === 0 || filter.length === 5 || !stars || stars.length === 0) return true;
  return stars.some((s) => filter.includes(s));
}

import { z } from "zod";
import { isoDateTime, uuid } from "./common";

export const notificationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  before: uuid("notification").optional().describe("nextCursor of the previous page."),
});

export const inboxItemSchema = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable().describe("Where the notification leads in the dashboard."),
  teamName: z.string(),
  read: z.boolean(),
  createdAt: isoDateTime,
});

export const inboxSchema = z
  .object({ items: z.array(inboxItemSchema), unread: z.number().int(), nextCursor: z.string().nullable() })
  .meta({ id: "NotificationInbox" });

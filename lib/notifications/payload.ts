// What every external channel renders from: stored on each delivery row, so a retry sends exactly the same.
import { z } from "zod";
import { notificationTypeSchema } from "./types";

export const deliveryPayloadSchema = z.object({
  id: z.string(),
  type: notificationTypeSchema,
  occurredAt: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  /** Path inside the dashboard (e.g. /dashboard/reviews?review=…); channels make it absolute with APP_URL. */
  link: z.string().nullable(),
  team: z.object({ id: z.string(), name: z.string() }),
  project: z.object({ id: z.string(), name: z.string() }).nullable(),
  app: z.object({ id: z.string(), name: z.string() }).nullable(),
  syncRunId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type DeliveryPayload = z.infer<typeof deliveryPayloadSchema>;

export function absoluteLink(link: string | null, appUrl: string | undefined): string | null {
  if (!link) return null;
  if (/^https?:\/\//.test(link)) return link;
  return `${(appUrl ?? "http://localhost:3000").replace(/\/+$/, "")}${link.startsWith("/") ? "" : "/"}${link}`;
}

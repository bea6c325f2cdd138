import { z } from "zod";

// The Inngest event that asks for an event's external deliveries (email, Slack, webhooks) to be sent.
export const DELIVER_EVENT = "notifications/deliver.requested";
export const deliverRequestedData = z.object({ dedupeKey: z.string().min(1).max(500) });

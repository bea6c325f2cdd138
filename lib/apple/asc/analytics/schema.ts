// The Analytics Reports API's documents (apple-reports.md §2.2–2.7), parsed at the boundary: a field that does not
// parse is an error naming it, never a default.
import { z } from "zod";

const links = z.object({ next: z.string().optional() }).optional();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a processing date as YYYY-MM-DD");

export const accessTypeSchema = z.enum(["ONGOING", "ONE_TIME_SNAPSHOT"]);
export type AccessType = z.infer<typeof accessTypeSchema>;

const requestResource = z.object({
  id: z.string().min(1),
  attributes: z.object({ accessType: accessTypeSchema, stoppedDueToInactivity: z.boolean().default(false) }),
});
export type AnalyticsRequest = { id: string; accessType: AccessType; stoppedDueToInactivity: boolean };
const toRequest = (r: z.infer<typeof requestResource>): AnalyticsRequest => ({ id: r.id, accessType: r.attributes.accessType, stoppedDueToInactivity: r.attributes.stoppedDueToInactivity });

export const requestsPageSchema = z.object({ data: z.array(requestResource), links }).transform((d) => ({ items: d.data.map(toRequest), next: d.links?.next ?? null }));
export const requestDocumentSchema = z.object({ data: requestResource }).transform((d) => toRequest(d.data));

export const reportsPageSchema = z
  .object({ data: z.array(z.object({ id: z.string().min(1), attributes: z.object({ name: z.string(), category: z.string().optional() }) })), links })
  .transform((d) => ({ items: d.data.map((r) => ({ id: r.id, name: r.attributes.name, category: r.attributes.category ?? null })), next: d.links?.next ?? null }));
export type AnalyticsReport = { id: string; name: string; category: string | null };

export const granularitySchema = z.enum(["DAILY", "WEEKLY", "MONTHLY"]);
export const instancesPageSchema = z
  .object({ data: z.array(z.object({ id: z.string().min(1), attributes: z.object({ granularity: granularitySchema, processingDate: isoDay }) })), links })
  .transform((d) => ({ items: d.data.map((i) => ({ id: i.id, granularity: i.attributes.granularity, processingDate: i.attributes.processingDate })), next: d.links?.next ?? null }));
export type AnalyticsInstance = { id: string; granularity: z.infer<typeof granularitySchema>; processingDate: string };

export const segmentsPageSchema = z
  .object({
    data: z.array(
      z.object({
        id: z.string().min(1),
        attributes: z.object({ checksum: z.string().regex(/^[0-9a-f]{32}$/i, "a 32-character hex checksum"), sizeInBytes: z.number().int().min(0).optional(), url: z.url() }),
      }),
    ),
    links,
  })
  .transform((d) => ({ items: d.data.map((s) => ({ id: s.id, checksum: s.attributes.checksum.toLowerCase(), sizeInBytes: s.attributes.sizeInBytes ?? null, url: s.attributes.url })), next: d.links?.next ?? null }));
export type AnalyticsSegment = { id: string; checksum: string; sizeInBytes: number | null; url: string };

// What the simulated Analytics Reports API knows (apple-reports.md §2): the apps, how many days of instances it
// keeps, the pitfalls of §2.10 as data (duplicates, dates never published, stopped requests, a ghost snapshot,
// expired instances, empty and missing reports) and the behaviours the sheet marks UNCONFIRMED, each switchable.
import { z } from "zod";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a day as YYYY-MM-DD");

/** A day for one app and/or one report only (a report by its exact name). */
const targeted = z.object({ day: isoDay, appleId: z.string().optional(), report: z.string().optional() });
export type TargetedDay = string | z.infer<typeof targeted>;

/** Whether a configured day applies to this day of this app's report. */
export const appliesTo = (entry: TargetedDay, day: string, appleId: string, report: string) =>
  typeof entry === "string" ? entry === day : entry.day === day && (entry.appleId ?? appleId) === appleId && (entry.report ?? report) === report;

export const analyticsAppSchema = z.object({
  appleId: z.string(),
  name: z.string(),
  /** Relative volume against the other apps. */
  weight: z.number().positive().default(1),
});

/** Behaviours apple-reports.md marks UNCONFIRMED; the defaults are the readings Starboard was built on. */
export const analyticsBehavioursSchema = z.object({
  /** §2.4 / §6 item 2: the crashes report's exact name. */
  crashesReportName: z.string().default("App Crashes"),
  /** §2.7 / §6 item 4: what the segment checksum is the MD5 of — the gzip bytes, or the text inside. */
  checksumOf: z.enum(["gzip", "text"]).default("gzip"),
  /** §2.8 / §6 item 3: territories as 2-letter codes, or as 3-letter ones. */
  territoryFormat: z.enum(["alpha2", "alpha3"]).default("alpha2"),
  /** §1.2 / §6 item 1: individual keys may read analytics reports. */
  individualKeysRead: z.boolean().default(true),
  /** §2.5: a daily instance carries the day before its processing date (provisional, lower counts) and the day before that (final). */
  revisions: z.boolean().default(true),
  /** Columns in another order in each report (parse by name). */
  shuffleColumns: z.boolean().default(true),
});

export const analyticsConfigSchema = z.object({
  apps: z.array(analyticsAppSchema).default([]),
  /** The newest processing date (default: today, UTC). */
  latestProcessingDate: isoDay.optional(),
  /** Instances are kept this many days (§2.5: 35). */
  retentionDays: z.number().int().positive().default(35),
  /** Segments per instance (physical partitions, each with its header). */
  segmentsPerInstance: z.number().int().min(1).max(5).default(1),
  /** Storefronts each app sells in (the first N of the simulator's list). */
  territories: z.number().int().min(1).max(12).default(6),
  seed: z.number().int().default(5),
  /** Apps that already have an ONGOING request when the scenario starts. */
  existingRequests: z.array(z.string()).default([]),
  /** P12: apps whose existing ONGOING request is stoppedDueToInactivity. */
  stoppedDueToInactivity: z.array(z.string()).default([]),
  /** P3: a ONE_TIME_SNAPSHOT POST returns an id, GET by id is 404, a second POST 409, the list is empty. */
  ghostSnapshot: z.boolean().default(false),
  /** P1: processing dates published twice (same processing date, byte-identical file); every app and report, or the one named. */
  duplicateInstances: z.array(z.union([isoDay, targeted])).default([]),
  /** P1/P2: dates that no instance ever carries; every app and report, or the one named. */
  neverPublished: z.array(z.union([isoDay, targeted])).default([]),
  /** P6: instances (by processing date) whose segments answer 404. */
  segmentsGone: z.array(isoDay).default([]),
  /** P5: reports whose instance list is empty (200, data: []). */
  emptyReports: z.array(z.string()).default([]),
  /** P9: reports missing from a request's report list. */
  missingReports: z.array(z.string()).default([]),
  /** How long a presigned URL stays valid (§2.7: 300 s). */
  urlTtlMs: z.number().int().positive().default(300_000),
  behaviours: analyticsBehavioursSchema.default(analyticsBehavioursSchema.parse({})),
});
export type AnalyticsConfigInput = z.input<typeof analyticsConfigSchema>;
export type AnalyticsConfig = z.infer<typeof analyticsConfigSchema>;

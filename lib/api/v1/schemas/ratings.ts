import { z } from "zod";
import { isStorefront } from "@/lib/apple/storefronts";
import { HISTORY_RANGES } from "@/lib/data/ratings/types";
import { syncRunSchema } from "./runs";

const day = z.string().describe("YYYY-MM-DD");

export const countryRatingSchema = z.object({
  countryCode: z.string(),
  snapshotDate: day,
  averageRating: z.number(),
  ratingCount: z.number().int(),
  ratingCountDelta: z.number().int().nullable().describe("Against the country's previous snapshot; null on first sight."),
  currentVersionAverageRating: z.number().nullable(),
  currentVersionRatingCount: z.number().int().nullable(),
  appVersion: z.string().nullable(),
});

export const appCountryRatingsSchema = z
  .object({
    latestSnapshotDate: day.nullable(),
    countries: z.array(countryRatingSchema).describe("Live storefronts, biggest rating count first."),
    unavailable: z
      .array(z.object({ countryCode: z.string(), since: day, lastRatingCount: z.number().int().nullable() }))
      .describe("Storefronts where the app disappeared (tombstoned), with the day it went."),
  })
  .meta({ id: "AppCountryRatings" });

export const projectCountryRatingsSchema = z
  .object({
    apps: z.number().int(),
    countries: z.array(
      z.object({
        countryCode: z.string(),
        averageRating: z.number().nullable(),
        ratingCount: z.number().int(),
        ratingCountDelta: z.number().int().nullable(),
        apps: z.number().int().describe("Apps with live ratings there."),
        unavailableApps: z.number().int(),
      }),
    ),
  })
  .meta({ id: "ProjectCountryRatings" });

export const ratingHistorySchema = z
  .object({
    country: z.string().nullable(),
    days: z.number().int(),
    points: z.array(
      z.object({
        date: day,
        averageRating: z.number().nullable(),
        ratingCount: z.number().int(),
        currentVersionAverageRating: z.number().nullable(),
        ratingCountDelta: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: "RatingHistory" });

export const ratingHistoryQuery = z.object({
  days: z.coerce
    .number()
    .int()
    .refine((d) => (HISTORY_RANGES as readonly number[]).includes(d), { message: "days must be 30, 90 or 365." })
    .default(30)
    .describe("30, 90 or 365"),
  country: z
    .string()
    .trim()
    .toLowerCase()
    .refine(isStorefront, { message: "Not an App Store storefront code." })
    .optional()
    .describe("A storefront (two letters); absent = the worldwide rollup."),
});

export const ratingsSyncStatusSchema = z
  .object({
    active: syncRunSchema.nullable().describe("The queued or running run: the project's own, or the nightly one over every project."),
    last: syncRunSchema.nullable().describe("The latest finished run; for the nightly run, its counters are this project's share."),
    canSync: z.boolean(),
    cannotSyncReason: z.string().nullable().describe("Why the caller may not start a sync, in words; null when it may."),
    appleApps: z.number().int().describe("Apple apps of the project with a bundle id: what a sync looks up."),
  })
  .meta({ id: "RatingsSyncStatus" });

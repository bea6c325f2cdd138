import { z } from "zod";
import { isCountryCode } from "@/lib/apple/storefronts";
import { HISTORY_RANGES } from "@/lib/data/ratings/types";
import { STORES } from "@/lib/data/stores";
import { syncRunSchema } from "./runs";

const day = z.string().describe("YYYY-MM-DD");
const store = z.enum(STORES).describe("The app's store: app_store for an Apple app, google_play for an Android app (Play Console averages, no rating counts).");
const noCountOnPlay = "null on google_play: Google Play does not publish rating counts (never read it as 0).";

export const countryRatingSchema = z.object({
  countryCode: z.string(),
  snapshotDate: day,
  averageRating: z.number().describe("App Store: the storefront's rating. Google Play: Play Console's cumulative average as of snapshotDate."),
  ratingCount: z.number().int().nullable().describe(noCountOnPlay),
  ratingCountDelta: z.number().int().nullable().describe("Against the country's previous snapshot; null on first sight, and always on google_play."),
  dailyAverageRating: z.number().nullable().describe("google_play: the average of that day's new ratings (null when nobody rated that day); null on app_store."),
  currentVersionAverageRating: z.number().nullable(),
  currentVersionRatingCount: z.number().int().nullable(),
  appVersion: z.string().nullable(),
});

export const appCountryRatingsSchema = z
  .object({
    store,
    latestSnapshotDate: day.nullable(),
    countries: z.array(countryRatingSchema).describe("app_store: live storefronts, biggest rating count first. google_play: countries, highest average first."),
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
    store,
    country: z.string().nullable(),
    days: z.number().int(),
    points: z.array(
      z.object({
        date: day,
        averageRating: z.number().nullable(),
        ratingCount: z.number().int().nullable().describe(noCountOnPlay),
        dailyAverageRating: z.number().nullable().describe("google_play: the average of that day's new ratings; null on app_store."),
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
    .refine(isCountryCode, { message: "Not a country code: use two letters such as us or de." })
    .optional()
    .describe("A country (two letters: an App Store storefront, or a Google Play country); absent = the worldwide rollup."),
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

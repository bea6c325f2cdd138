import { z } from "zod";
import { isoDateTime, uuid } from "./common";

export const projectParams = z.object({ projectId: uuid("project") });
export const appParams = z.object({ appId: uuid("app") });

export const appCardSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    platform: z.enum(["apple", "android"]),
    bundleId: z.string().nullable(),
    appStoreId: z.string().nullable(),
    latestAppVersion: z.string().nullable(),
    worldwideAverageRating: z.number().nullable().describe("Average over every storefront, weighted by rating count."),
    worldwideRatingCount: z.number().int().nullable(),
    worldwideCurrentVersionRating: z.number().nullable(),
    worldwideCurrentVersionRatingCount: z.number().int().nullable(),
    worldwideRatingCountDelta: z.number().int().nullable().describe("Change of the worldwide rating count since worldwideRatingDeltaSince."),
    worldwideRatingDeltaSince: z.string().nullable().describe("YYYY-MM-DD"),
    ratingsSyncedAt: isoDateTime.nullable(),
    appStoreLookup: z
      .object({
        status: z.enum(["found", "not_found", "unreachable"]).nullable().describe("null: a look-up was requested and has not finished."),
        at: isoDateTime.describe("When the outcome was recorded, or when the look-up was requested."),
        error: z.string().nullable().describe("Why the look-up could not be completed (unreachable)."),
      })
      .nullable()
      .describe("The last App Store id look-up by bundle id; null when none was made yet."),
  })
  .meta({ id: "App" });

export const appListSchema = z.object({ apps: z.array(appCardSchema) }).meta({ id: "AppList" });

import { z } from "zod";
import { appStoreIdSchema, bundleIdSchema, nameSchema, platformSchema } from "@/lib/validation";

/** The fields of the app form, shared by creating and editing an app. */
export const appFields = {
  name: nameSchema("App name"),
  platform: platformSchema,
  bundleId: bundleIdSchema,
  appStoreId: z.preprocess((v) => (v === "" || v === null ? undefined : v), appStoreIdSchema.optional()),
};

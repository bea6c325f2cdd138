// Input rules shared by forms, server actions and the API: one definition, one message each.
import { z } from "zod";

export const idSchema = z.uuid({ message: "Not a valid id." });

export const nameSchema = (what = "Name", max = 100) =>
  z
    .string({ message: `${what} is required.` })
    .trim()
    .min(1, { message: `${what} is required.` })
    .max(max, { message: `${what} must be at most ${max} characters.` });

export const BUNDLE_ID_MAX = 155;
export const bundleIdSchema = z
  .string({ message: "Bundle id is required." })
  .trim()
  .min(1, { message: "Bundle id is required." })
  .max(BUNDLE_ID_MAX, { message: `Bundle id must be at most ${BUNDLE_ID_MAX} characters.` })
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/, {
    message: "Use reverse-DNS form such as com.example.app: letters, digits, hyphens and underscores, separated by dots.",
  });

export const appStoreIdSchema = z
  .string()
  .trim()
  .regex(/^\d{1,12}$/, { message: "App Store id is the number in the app's App Store URL (id123456789), digits only." });

export const platformSchema = z.enum(["apple", "android"], { message: "Choose Apple or Android." });

/** A new App Store Connect integration without its .p8: the form says it with the other field errors, the server refuses it. */
export const P8_MISSING_MESSAGE = "Drop or paste the AuthKey_<KEY_ID>.p8 file.";

export const emailSchema = z
  .email({ message: "Enter a valid email address." })
  .max(254, { message: "Email must be at most 254 characters." })
  .transform((v) => v.trim().toLowerCase());

export const newPasswordSchema = z
  .string()
  .min(10, { message: "Use at least 10 characters." })
  .max(200, { message: "Use at most 200 characters." });

/** Turns a zod error into one message per field (the first), keyed by the field's path. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Apple's limit on a developer reply (the App Store Connect API refuses longer ones). */
export const MAX_REPLY_LENGTH = 5970;
export const replyTextSchema = z
  .string({ message: "Write a reply." })
  .refine((v) => v.trim().length > 0, { message: "Write a reply." })
  .refine((v) => v.length <= MAX_REPLY_LENGTH, { message: `The App Store shows at most ${MAX_REPLY_LENGTH.toLocaleString("en-US")} characters.` });

/**
 * A callbackUrl we may send the user to: a path on this site. "//host" and "/\host" start with "/" too,
 * but browsers read them as another origin, so they are refused.
 */
export function safeCallbackPath(url: string | string[] | undefined): string | undefined {
  // A repeated ?callbackUrl= arrives as an array: refused rather than guessed at.
  return typeof url === "string" && url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : undefined;
}

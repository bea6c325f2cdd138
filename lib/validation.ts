// Input rules shared by forms, server actions and the API: one definition, one message each.
import { z } from "zod";

export const idSchema = z.uuid({ message: "Not a valid id." });

/**
 * Text PostgreSQL can store and Apple accepts: no NUL byte (PostgreSQL refuses the whole row) and no unpaired
 * UTF-16 surrogate (half an emoji, as cutting a string at a fixed length produces; it is not valid UTF-8).
 */
export function unstorableCharacterMessage(value: string, what: string): string | null {
  if (value.includes("\u0000")) return `${what} contains a NUL character (\\0); remove it.`;
  if (!value.isWellFormed()) return `${what} contains half of an emoji or another broken character (an unpaired surrogate); delete it and type it again.`;
  return null;
}

/**
 * Text as PostgreSQL can store it: NUL removed, each lone surrogate (half an emoji) replaced by U+FFFD. What a store
 * sends (Apple's JSON, Google's JSON and CSV exports) passes through this before it is written: one such review must
 * never fail a sync. (What a person types is refused instead: see unstorableCharacterMessage.)
 */
export function toStorableText(text: string): string {
  return text.replaceAll("\u0000", "").toWellFormed();
}

/** The one rule every free-text field shares (names, replies): refuses what unstorableCharacterMessage names. */
export const storableText = <S extends z.ZodType<string>>(schema: S, what: string) =>
  schema.superRefine((value, ctx) => {
    const message = unstorableCharacterMessage(value, what);
    if (message) ctx.addIssue({ code: "custom", message });
  });

export const nameSchema = (what = "Name", max = 100) =>
  storableText(
    z
      .string({ message: `${what} is required.` })
      .trim()
      .min(1, { message: `${what} is required.` })
      .max(max, { message: `${what} must be at most ${max} characters.` }),
    what,
  );

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
/** Google Play rejects replies of more than about 350 characters. */
export const PLAY_MAX_REPLY_LENGTH = 350;
export const replyTextSchema = storableText(
  z
    .string({ message: "Write a reply." })
    .refine((v) => v.trim().length > 0, { message: "Write a reply." })
    .refine((v) => v.length <= MAX_REPLY_LENGTH, { message: `The App Store shows at most ${MAX_REPLY_LENGTH.toLocaleString("en-US")} characters.` }),
  "The reply",
);

// C0 controls (tab, newline, NUL…), DEL and C1 controls: browsers silently drop some of them from a URL
// ("/\t/evil.example" becomes "//evil.example") and Node refuses them in a Location header.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** The forms a path may take on its way to a browser: as given, and percent-decoded once and twice. */
function decodedForms(path: string): string[] {
  const forms = [path];
  for (let i = 0; i < 2; i++) {
    try {
      forms.push(decodeURIComponent(forms[forms.length - 1]));
    } catch {
      break; // a lone "%" (as in "?q=100%25" decoded once) decodes no further, to anything
    }
  }
  return forms;
}

/**
 * A callbackUrl we may send the user to: a path on this site, as URL parsing against the app's own origin
 * (APP_URL, which server callers pass) reads it. Refused: another origin ("//host", "/\host", "https://…"), control characters, and
 * percent-encodings that decode to either.
 */
export function safeCallbackPath(url: string | string[] | undefined, appUrl = "http://localhost"): string | undefined {
  // A repeated ?callbackUrl= arrives as an array: refused rather than guessed at.
  if (typeof url !== "string" || url === "") return undefined;
  const origin = new URL(appUrl).origin;
  for (const form of decodedForms(url)) {
    if (CONTROL_CHARACTER.test(form)) return undefined;
    if (!URL.canParse(form, origin) || new URL(form, origin).origin !== origin) return undefined;
  }
  const parsed = new URL(url, origin);
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

"use server";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/auth";
import { SignInThrottledError, assertNotThrottled, clientFromHeaders } from "@/lib/auth/sign-in-throttle";
import { signUpUser } from "@/lib/data/users";
import { AppError, toErrorPayload, type ErrorPayload } from "@/lib/errors";
import { env } from "@/lib/env";
import { emailSchema, fieldErrorsOf, nameSchema, newPasswordSchema, safeCallbackPath } from "@/lib/validation";

export type FormState = { error?: ErrorPayload; values?: Record<string, string> } | undefined;

const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: "Enter your password." }).max(1024),
  callbackUrl: z.string().optional(),
});

function safeCallback(url: string | undefined) {
  // Only same-site paths: never redirect to another origin after sign-in.
  return safeCallbackPath(url, env().APP_URL) ?? "/dashboard";
}

function values(form: FormData, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, String(form.get(k) ?? "")]));
}

export async function signInWithPassword(_state: FormState, form: FormData): Promise<FormState> {
  const kept = values(form, ["email"]);
  const parsed = signInInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return { error: { code: "validation_failed", message: Object.values(fieldErrors)[0], fieldErrors }, values: kept };
  }
  try {
    await assertNotThrottled(parsed.data.email, clientFromHeaders(await headers()));
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallback(parsed.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof SignInThrottledError) return { error: { code: "rate_limited", message: error.message }, values: kept };
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      const message =
        code === "throttled"
          ? "Too many failed sign-in attempts. Try again in 15 minutes."
          : "That email and password do not match an account.";
      return { error: { code: code === "throttled" ? "rate_limited" : "unauthenticated", message }, values: kept };
    }
    throw error; // the redirect after a successful sign-in
  }
  return undefined;
}

const signUpInput = z.object({
  name: nameSchema("Your name"),
  email: emailSchema,
  password: newPasswordSchema,
  teamName: z.preprocess((v) => (v === "" ? undefined : v), nameSchema("Team name").optional()),
  invite: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(200).optional()),
});

export async function signUp(_state: FormState, form: FormData): Promise<FormState> {
  const kept = values(form, ["name", "email", "teamName"]);
  const parsed = signUpInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return { error: { code: "validation_failed", message: "Check the highlighted fields.", fieldErrors }, values: kept };
  }
  let destination = "/dashboard";
  try {
    const created = await signUpUser({ ...parsed.data, inviteToken: parsed.data.invite });
    if (created.projectId) destination = `/dashboard/projects/${created.projectId}`;
  } catch (error) {
    if (error instanceof AppError) return { error: toErrorPayload(error).payload, values: kept };
    throw error;
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: destination });
  return undefined;
}

export async function signInWithGithub(form: FormData) {
  await signIn("github", { redirectTo: safeCallback(String(form.get("callbackUrl") ?? "")) });
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}

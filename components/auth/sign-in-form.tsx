"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signInWithPassword, type FormState } from "@/lib/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";

export function SignInForm({ callbackUrl, notice }: { callbackUrl?: string; notice?: string }) {
  const [state, action] = useActionState<FormState, FormData>(signInWithPassword, undefined);
  const fieldErrors = state?.error?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {notice && !state?.error ? <Alert variant="info">{notice}</Alert> : null}
      {state?.error && !state.error.fieldErrors ? <Alert variant="error">{state.error.message}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field label="Email" error={fieldErrors.email}>
        <Input name="email" type="email" autoComplete="email" defaultValue={state?.values?.email} required />
      </Field>
      <Field label="Password" error={fieldErrors.password}>
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <SubmitButton className="w-full">Sign in</SubmitButton>
      <p className="text-center text-sm text-muted-foreground">
        New to Starboard?{" "}
        <Link className="rounded-sm font-medium text-accent underline underline-offset-2 hover:decoration-2 focus-ring" href={callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up"}>
          Create an account
        </Link>
      </p>
    </form>
  );
}

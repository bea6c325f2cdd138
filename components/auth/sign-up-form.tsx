"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signUp, type FormState } from "@/lib/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";

/** callbackUrl: where sign-in should go afterwards if the user has an account after all (an invite page, say). */
export function SignUpForm({ invite, teamName, callbackUrl }: { invite?: string; teamName?: string; callbackUrl?: string }) {
  const [state, action] = useActionState<FormState, FormData>(signUp, undefined);
  const fieldErrors = state?.error?.fieldErrors ?? {};
  const formError = state?.error && (!state.error.fieldErrors || state.error.code !== "validation_failed") ? state.error.message : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      {invite ? <input type="hidden" name="invite" value={invite} /> : null}
      <Field label="Your name" error={fieldErrors.name}>
        <Input name="name" autoComplete="name" defaultValue={state?.values?.name} required maxLength={100} />
      </Field>
      <Field label="Work email" error={fieldErrors.email}>
        <Input name="email" type="email" autoComplete="email" defaultValue={state?.values?.email} required />
      </Field>
      <Field label="Password" hint="At least 10 characters." error={fieldErrors.password}>
        <Input name="password" type="password" autoComplete="new-password" required />
      </Field>
      {invite ? (
        <Alert variant="info">You will join {teamName ?? "the team"} that invited you.</Alert>
      ) : (
        <Field label="Team name" hint="You can invite teammates later. Defaults to “<your name>'s team”." error={fieldErrors.teamName}>
          <Input name="teamName" defaultValue={state?.values?.teamName} maxLength={100} placeholder="Acme Mobile" />
        </Field>
      )}
      <SubmitButton className="w-full">Create account</SubmitButton>
      <p className="text-center text-sm text-muted-foreground">
        Already have an account?{" "}
        <Link className="rounded-sm font-medium text-accent underline underline-offset-2 hover:decoration-2 focus-ring" href={callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in"}>
          Sign in
        </Link>
      </p>
    </form>
  );
}

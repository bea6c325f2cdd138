import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { safeCallbackPath } from "@/lib/validation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { signInWithGithub } from "@/lib/actions/auth";
import { isGithubSignInEnabled } from "@/lib/auth/auth";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERROR_NOTICES: Record<string, string> = {
  OAuthAccountNotLinked: "That GitHub account could not be linked. Sign in with your password instead.",
  AccessDenied: "Sign-in was cancelled.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl, env().APP_URL);
  if (await getSessionUser()) redirect(callbackUrl ?? "/dashboard");
  const github = isGithubSignInEnabled();
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Sign in to Starboard</CardTitle>
        <CardDescription>Ratings and reviews for every app your team ships.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {github ? (
          <>
            <form action={signInWithGithub}>
              <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
              <Button variant="secondary" className="w-full" type="submit">
                Continue with GitHub
              </Button>
            </form>
            <div className="flex items-center gap-3 text-xs text-muted-foreground">
              <span className="h-px flex-1 bg-border" /> or <span className="h-px flex-1 bg-border" />
            </div>
          </>
        ) : null}
        <SignInForm callbackUrl={callbackUrl} notice={params.error ? ERROR_NOTICES[params.error] ?? "Sign-in failed. Try again." : undefined} />
      </CardContent>
    </Card>
  );
}

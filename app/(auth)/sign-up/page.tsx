import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { inviteFromCallback } from "@/components/auth/callback-url";
import { env } from "@/lib/env";
import { safeCallbackPath } from "@/lib/validation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { previewInvite } from "@/lib/data/invites";

export const metadata: Metadata = { title: "Create account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl, env().APP_URL);
  // Sign-in links here with its callbackUrl: an invite's ("/invite/<token>") is honoured by signing up with
  // that invite, which joins the team at once. Other callbacks only survive the way back to sign-in.
  const inviteToken = params.invite || inviteFromCallback(callbackUrl);
  if (await getSessionUser()) redirect(inviteToken ? `/invite/${encodeURIComponent(inviteToken)}` : (callbackUrl ?? "/dashboard"));
  let invite: { token: string; teamName: string } | undefined;
  let inviteProblem: string | null = null;
  if (inviteToken) {
    const preview = await previewInvite(inviteToken).catch((e: Error) => ({ problem: e.message, teamName: "" }));
    inviteProblem = preview.problem;
    if (!preview.problem) invite = { token: inviteToken, teamName: preview.teamName };
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">{invite ? `Join ${invite.teamName}` : "Create your Starboard account"}</CardTitle>
        <CardDescription>
          {invite ? "Create an account to accept the invitation." : "You get a team and a first project to add your apps to."}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {inviteProblem ? <Alert variant="warning">{inviteProblem}</Alert> : null}
        <SignUpForm invite={invite?.token} teamName={invite?.teamName} callbackUrl={callbackUrl ?? (inviteToken ? `/invite/${encodeURIComponent(inviteToken)}` : undefined)} />
      </CardContent>
    </Card>
  );
}

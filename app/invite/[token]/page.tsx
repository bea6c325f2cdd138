import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { AcceptInviteButton } from "@/components/team/accept-invite-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { previewInvite } from "@/lib/data/invites";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Team invitation" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await getSessionUser();
  let preview: Awaited<ReturnType<typeof previewInvite>> | null = null;
  let failure: string | null = null;
  try {
    preview = await previewInvite(token);
  } catch (error) {
    failure = error instanceof AppError && error.code === "validation_failed" ? error.message : "This invite link is not valid. Ask the team for a new one.";
  }
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-subtle px-4 py-12">
      <Link href="/" className="mb-8" aria-label="Starboard home">
        <Logo size="lg" />
      </Link>
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle as="h1">{preview ? `Join ${preview.teamName}` : "Invitation"}</CardTitle>
          {preview ? <CardDescription>You were invited as {preview.role === "member" ? "a member" : `an ${preview.role}`}.</CardDescription> : null}
        </CardHeader>
        <CardContent className="space-y-4">
          {failure || preview?.problem ? (
            <Alert variant="warning">{failure ?? preview?.problem}</Alert>
          ) : user ? (
            <>
              <p className="text-sm text-muted-foreground">Signed in as {user.email}.</p>
              <AcceptInviteButton token={token} teamName={preview!.teamName} />
            </>
          ) : (
            <div className="space-y-2">
              <Button asChild className="w-full">
                <Link href={`/sign-up?invite=${encodeURIComponent(token)}`}>Create an account to join</Link>
              </Button>
              <Button asChild variant="secondary" className="w-full">
                <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>I already have an account</Link>
              </Button>
            </div>
          )}
        </CardContent>
      </Card>
    </main>
  );
}

import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PreferenceMatrix } from "@/components/notifications/preference-matrix";
import { ProjectMutes } from "@/components/notifications/project-mutes";
import { StarFilter } from "@/components/notifications/star-filter";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getNotificationSettings } from "@/lib/data/notifications/settings";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const user = await requirePageUser("/dashboard/settings/notifications");
  const settings = await getNotificationSettings(user.id);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        eyebrow="Settings"
        title="Notifications"
        description="Choose what reaches you and where. Slack channels and webhooks are set per project by owners and admins, on each project's Notifications page."
      />
      {settings.email.delivery === "outbox" ? (
        <Alert variant="info" title="Email goes to the local outbox">
          No SMTP server is configured (<code className="text-[12px]">SMTP_URL</code>), so emails for {settings.email.address} are kept in this dashboard instead of being sent.{" "}
          <Link href="/dashboard/settings/notifications/outbox" className="inline-flex items-center gap-1 font-medium underline underline-offset-2">
            <Inbox className="size-3.5" aria-hidden /> Open outbox
          </Link>
        </Alert>
      ) : (
        <Alert variant="info">Emails go to {settings.email.address}.</Alert>
      )}
      <Card>
        <CardHeader>
          <CardTitle>What reaches you</CardTitle>
          <CardDescription>First syncs of a new app stay quiet: only what changes after that is news.</CardDescription>
        </CardHeader>
        <CardContent>
          <PreferenceMatrix types={settings.types} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Review stars</CardTitle>
          <CardDescription>Only hear about new reviews with these ratings — for example just the 1★ and 2★ ones that need a reply.</CardDescription>
        </CardHeader>
        <CardContent>
          <StarFilter initial={settings.reviewStars} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Projects</CardTitle>
          <CardDescription>A muted project sends you nothing, in the app or by email.</CardDescription>
        </CardHeader>
        <CardContent className="py-2">
          <ProjectMutes projects={settings.projects} />
        </CardContent>
      </Card>
    </div>
  );
}

import { ArrowLeft, Mail } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { OutboxList } from "@/components/notifications/outbox-list";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { listOutbox } from "@/lib/data/notifications/outbox";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Email outbox" };

export default async function OutboxPage() {
  const user = await requirePageUser("/dashboard/settings/notifications/outbox");
  const mails = await listOutbox(user.id);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/dashboard/settings/notifications" className="inline-flex items-center gap-1 hover:text-foreground">
            <ArrowLeft className="size-3.5" aria-hidden /> Notification settings
          </Link>
        }
        title="Email outbox"
        description="Emails Starboard would have sent you. Set SMTP_URL (and SMTP_FROM) to send them for real."
      />
      {env().SMTP_URL ? <Alert variant="info">SMTP is configured now: new emails are sent, not kept here.</Alert> : null}
      {mails.length === 0 ? (
        <EmptyState icon={<Mail className="size-5" aria-hidden />} title="No emails yet" description="New reviews and failed syncs you get by email will appear here." />
      ) : (
        <OutboxList mails={mails} />
      )}
    </div>
  );
}

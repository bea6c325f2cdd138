import { ArrowLeft, BellRing } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AddEndpointDialog } from "@/components/notifications/add-endpoint-dialog";
import { DeliveryLog } from "@/components/notifications/delivery-log";
import { EndpointCard } from "@/components/notifications/endpoint-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { pageOperation } from "@/lib/operations/adapters/page";
import { getProjectEndpoints } from "@/lib/operations/notifications";

export const metadata: Metadata = { title: "Project notifications" };

export default async function ProjectNotificationsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, endpoints, deliveries, canManage } = await pageOperation(getProjectEndpoints, { projectId }, `/dashboard/projects/${projectId}/notifications`);
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href={`/dashboard/projects/${project.id}`} className="inline-flex items-center gap-1 hover:text-foreground">
            <ArrowLeft className="size-3.5" aria-hidden /> {project.name}
          </Link>
        }
        title="Slack and webhooks"
        description={
          <>
            Where this project&apos;s new reviews, rating changes and failed syncs go besides each member&apos;s own{" "}
            <Link href="/dashboard/settings/notifications" className="text-accent underline underline-offset-2 hover:decoration-2">in-app and email settings</Link>. A destination that fails 3 deliveries in a row (each retried with backoff) is turned off and admins are told.
          </>
        }
        actions={canManage ? <AddEndpointDialog projectId={project.id} /> : null}
      />
      {endpoints.length === 0 ? (
        <EmptyState
          icon={<BellRing className="size-5" aria-hidden />}
          title="No Slack channel or webhook yet"
          description={canManage ? "Add a Slack incoming webhook to post new reviews to a channel, or a webhook to feed your own tools." : "An owner or admin of this team can add Slack channels and webhooks."}
          action={canManage ? <AddEndpointDialog projectId={project.id} /> : undefined}
        />
      ) : (
        <div className="grid gap-3">
          {endpoints.map((e) => (
            <EndpointCard key={e.id} projectId={project.id} endpoint={e} canManage={canManage} />
          ))}
        </div>
      )}
      <Card>
        <CardHeader>
          <CardTitle>Recent deliveries</CardTitle>
          <CardDescription>The last 20 messages to this project&apos;s Slack channels and webhooks.</CardDescription>
        </CardHeader>
        <CardContent>
          <DeliveryLog deliveries={deliveries} />
        </CardContent>
      </Card>
    </div>
  );
}

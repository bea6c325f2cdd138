import { BarChart3, PlugZap } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { SalesDashboard } from "@/components/sales/sales-dashboard";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { pageOperation } from "@/lib/operations/adapters/page";
import { getSalesPage } from "@/lib/operations/sales";

export const metadata: Metadata = { title: "Downloads & revenue" };

export default async function SalesPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, reports, latestPublishedDay } = await pageOperation(getSalesPage, { projectId }, `/dashboard/projects/${projectId}/sales`);
  const integrations = `/dashboard/projects/${project.id}/integrations`;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href={`/dashboard/projects/${project.id}`} className="hover:text-foreground">
            {project.name}
          </Link>
        }
        title="Downloads & revenue"
        description="From App Store Connect's Sales and Trends reports, a day after each day ends; proceeds are what Apple pays you, after its commission."
      />
      {!reports.latestDay ? (
        <EmptyState
          icon={<BarChart3 aria-hidden />}
          title={reports.connected ? "No report days yet" : "Connect App Store Connect reports"}
          description={
            reports.connected
              ? "The reports sync has not stored a day yet. It runs every morning after Apple publishes; “Sync reports” on the integrations page starts it now and fetches the past year."
              : `${reports.notConnectedReason} The key needs the Sales and Reports, Finance or Admin role.`
          }
          action={
            <Link href={integrations} className={buttonVariants({ variant: reports.connected ? "secondary" : "primary" })}>
              <PlugZap aria-hidden /> {reports.connected ? "Integrations" : "Connect reports"}
            </Link>
          }
        />
      ) : (
        <>
          {!reports.connected ? (
            <Alert variant="warning" title="Reports are not syncing">
              {reports.notConnectedReason}{" "}
              <Link href={integrations} className="font-medium underline">
                Open the integrations
              </Link>
            </Alert>
          ) : null}
          <SalesDashboard projectId={project.id} latestPublishedDay={latestPublishedDay} />
        </>
      )}
    </div>
  );
}

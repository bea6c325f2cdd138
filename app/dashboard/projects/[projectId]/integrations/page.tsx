import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PlayIntegrationSection } from "@/components/google-play/play-integration-section";
import { ConnectionPanel, CopyFromProject } from "@/components/integrations/connection-panel";
import { IntegrationControls } from "@/components/integrations/integration-controls";
import { IntegrationForm } from "@/components/integrations/integration-form";
import { ReportsPanel } from "@/components/integrations/reports-panel";
import { SyncReviewsButton } from "@/components/integrations/sync-reviews-button";
import { SyncStatus } from "@/components/integrations/sync-status";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageOperation } from "@/lib/operations/adapters/page";
import { getPlaySetup } from "@/lib/operations/google-play";
import { getIntegrationSetup, getReportsStatus } from "@/lib/operations/integrations";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const path = `/dashboard/projects/${projectId}/integrations`;
  const [{ project, integration, sources, run, canWrite }, play, reports] = await Promise.all([
    pageOperation(getIntegrationSetup, { projectId }, path),
    pageOperation(getPlaySetup, { projectId }, path),
    pageOperation(getReportsStatus, { projectId }, path),
  ]);
  const added = integration ? new Date(integration.addedAt).toLocaleDateString("en-US", { dateStyle: "medium" }) : null;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href={`/dashboard/projects/${project.id}`} className="hover:text-foreground">
            {project.name}
          </Link>
        }
        title="App Store Connect"
        description="Connect an App Store Connect API key to sync every written review and reply from the dashboard, and — with the vendor number — downloads and revenue."
        actions={canWrite && integration?.enabled ? <SyncReviewsButton projectId={project.id} initialRun={run} /> : null}
      />
      {!canWrite ? (
        <p className="rounded-control border border-border bg-white px-3.5 py-2.5 text-sm text-muted-foreground">
          You can see this integration&apos;s status. Only owners and admins can change it.
        </p>
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Card>
            <CardHeader
              actions={
                integration ? (
                  <Badge variant={integration.enabled ? "success" : "neutral"} dot>
                    {integration.enabled ? "Active" : "Disabled"}
                  </Badge>
                ) : (
                  <Badge>Not connected</Badge>
                )
              }
            >
              <CardTitle>API key</CardTitle>
              <CardDescription>
                {integration ? (
                  <span data-testid="integration-key">
                    <KeyRound className="mr-1 inline size-3.5" aria-hidden />
                    Key <span className="font-mono">{integration.keyId}</span> · {integration.keyType === "team" ? "team key" : "individual key"} · added {added}
                  </span>
                ) : (
                  "Create a key in App Store Connect → Users and Access → Integrations, with the Customer Support role or higher."
                )}
              </CardDescription>
            </CardHeader>
            {canWrite ? (
              <CardContent>
                <IntegrationForm projectId={project.id} current={integration ? { keyType: integration.keyType, issuerId: integration.issuerId, keyId: integration.keyId, vendorNumber: integration.vendorNumber } : null} />
              </CardContent>
            ) : null}
          </Card>

          {integration ? (
            <Card>
              <CardHeader>
                <CardTitle>Connection</CardTitle>
                <CardDescription>Lists the apps the key can see and fills in their App Store ids; with a vendor number, checks that the key reads the Sales and Finance reports.</CardDescription>
              </CardHeader>
              <CardContent>
                <ConnectionPanel projectId={project.id} initial={integration.lastTest} canWrite={canWrite} />
              </CardContent>
            </Card>
          ) : null}

          {integration ? (
            <Card>
              <CardHeader>
                <CardTitle>Sales and Finance reports</CardTitle>
                <CardDescription>Downloads and proceeds by day and country: a year of daily reports on connect, then every day after Apple publishes them.</CardDescription>
              </CardHeader>
              <CardContent>
                {/* A run started by saving or testing (the backfill on connect) arrives with a refresh: mount afresh to follow it. */}
                <ReportsPanel key={reports.salesRun?.id ?? "none"} projectId={project.id} initial={reports} />
              </CardContent>
            </Card>
          ) : null}
        </div>

        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Last review sync</CardTitle>
              <CardDescription>Nightly at 05:30 UTC for every active integration.</CardDescription>
            </CardHeader>
            <CardContent>
              <SyncStatus run={run} />
            </CardContent>
          </Card>
          {canWrite ? (
            <Card>
              <CardHeader>
                <CardTitle>Copy from another project</CardTitle>
                <CardDescription>Reuse a key already set up in this team; the connection is tested right away.</CardDescription>
              </CardHeader>
              <CardContent>
                <CopyFromProject projectId={project.id} sources={sources} />
              </CardContent>
            </Card>
          ) : null}
          {canWrite && integration ? (
            <Card>
              <CardHeader>
                <CardTitle>Manage</CardTitle>
              </CardHeader>
              <CardContent>
                <IntegrationControls projectId={project.id} enabled={integration.enabled} />
              </CardContent>
            </Card>
          ) : null}
        </div>
      </div>

      <PlayIntegrationSection projectId={project.id} connection={play.connection} sources={play.sources} canWrite={play.canWrite} runs={play.runs} />
    </div>
  );
}

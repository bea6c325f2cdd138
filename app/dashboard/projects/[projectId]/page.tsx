import { Boxes, PlugZap } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AddAppButton } from "@/components/apps/add-app-button";
import { AppCard } from "@/components/apps/app-card";
import { ProjectNotificationsLink } from "@/components/notifications/project-notifications-link";
import { ProjectActions } from "@/components/projects/project-actions";
import { ProjectCountryPanel } from "@/components/ratings/project-country-panel";
import { RatingsSyncPanel } from "@/components/ratings/ratings-sync-panel";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { inngestConfigured } from "@/inngest/client";
import { pageOperation } from "@/lib/operations/adapters/page";
import { getProjectOverview } from "@/lib/operations/projects";

export const metadata: Metadata = { title: "Project" };

export default async function ProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, apps, canEdit } = await pageOperation(getProjectOverview, { projectId }, `/dashboard/projects/${projectId}`);
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={project.teamName}
        title={project.name}
        description={apps.length === 1 ? "1 app" : `${apps.length} apps`}
        actions={
          <>
            <ProjectNotificationsLink projectId={project.id} />
            <Link href={`/dashboard/projects/${project.id}/integrations`} className={buttonVariants({ variant: "secondary" })}>
              <PlugZap aria-hidden /> Integrations
            </Link>
            {canEdit ? (
              <>
                <ProjectActions projectId={project.id} name={project.name} />
                <AddAppButton projectId={project.id} />
              </>
            ) : null}
          </>
        }
      />
      {apps.length === 0 ? (
        <EmptyState
          icon={<Boxes className="size-5" aria-hidden />}
          title="No apps in this project yet"
          description={
            canEdit
              ? "Add an app by its bundle id. Starboard looks it up on the App Store and snapshots its ratings in all 175 storefronts every day."
              : "An owner or admin of this team can add apps to this project."
          }
          action={canEdit ? <AddAppButton projectId={project.id} /> : undefined}
        />
      ) : (
        <>
          {apps.some((a) => a.platform === "apple") ? <RatingsSyncPanel projectId={project.id} /> : null}
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {apps.map((app) => (
              <AppCard key={app.id} app={app} projectId={project.id} canEdit={canEdit} lookupRetriesHourly={inngestConfigured()} />
            ))}
          </div>
          {apps.some((a) => a.platform === "apple") ? <ProjectCountryPanel projectId={project.id} /> : null}
        </>
      )}
    </div>
  );
}

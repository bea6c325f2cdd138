import { FolderKanban, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { NewProjectDialog } from "@/components/projects/new-project-dialog";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { currentTeamFor } from "@/lib/current-team";
import { pageOperation } from "@/lib/operations/adapters/page";
import { listTeamProjects } from "@/lib/operations/projects";

export const metadata: Metadata = { title: "Projects" };

export default async function DashboardPage() {
  const user = await requirePageUser();
  const { current } = await currentTeamFor(user.id);
  if (!current) {
    return (
      <EmptyState
        icon={<Users className="size-5" aria-hidden />}
        title="You are not in a team"
        description="Create a team from the team menu, or open an invite link a teammate sent you."
      />
    );
  }
  const { projects, canCreate } = await pageOperation(listTeamProjects, { teamId: current.id }, "/dashboard");
  return (
    <div className="space-y-6">
      <PageHeader eyebrow={current.name} title="Projects" description="Each project groups apps and has its own App Store Connect key." actions={canCreate ? <NewProjectDialog teamId={current.id} /> : null} />
      {projects.length === 0 ? (
        <EmptyState
          icon={<FolderKanban className="size-5" aria-hidden />}
          title="No projects yet"
          description={canCreate ? "Create a project, then add your apps to it." : "An owner or admin of this team can create projects."}
          action={canCreate ? <NewProjectDialog teamId={current.id} /> : undefined}
        />
      ) : (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {projects.map((p) => (
            <Link key={p.id} href={`/dashboard/projects/${p.id}`} className="rounded-card focus-visible:outline-2 focus-visible:outline-accent">
              <Card className="h-full transition-shadow hover:shadow-md">
                <CardHeader>
                  <CardTitle>{p.name}</CardTitle>
                  <CardDescription>{p.appCount === 1 ? "1 app" : `${p.appCount} apps`}</CardDescription>
                </CardHeader>
              </Card>
            </Link>
          ))}
        </div>
      )}
    </div>
  );
}
